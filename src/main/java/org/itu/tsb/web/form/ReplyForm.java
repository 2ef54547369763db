package org.itu.tsb.web.form;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.itu.tsb.kernel.InvalidInputException;
import org.itu.tsb.kernel.UtcTime;
import org.itu.tsb.consultation.Question;
import org.itu.tsb.reply.Channel;
import org.itu.tsb.reply.ReplySubmission;
import org.itu.tsb.reply.ReplyVersion;
import org.itu.tsb.reply.Position;
import org.springframework.util.MultiValueMap;

/**
 * A reply form as the user filled it in, kept as typed so that a refused form comes back with the user's input.
 * Field names are the ones the services name in their errors: {@code memberState}, {@code receivedAt},
 * {@code positions.Q7/17}, {@code comments}, {@code reasons}, {@code attachment}; and, for the officers' form only,
 * {@code channel}. Who records a reply is the logged-in user, never a field. The form's own checks are about reading the form; the rules are the services'.
 */
public final class ReplyForm {

    /** The value of the "no position" choice; any Question without SUPPORTS or DOES_NOT_SUPPORT has none. */
    public static final String NO_POSITION = "NONE";
    static final String POSITION_PREFIX = "positions.";
    /** The channels an officer records a reply from. */
    public static final List<Channel> OFFICER_CHANNELS = Channel.RECORDED_BY_OFFICERS;

    private String memberState = "";
    private final Map<String, String> positions = new LinkedHashMap<>();
    private final Map<String, List<String>> postedPositions = new LinkedHashMap<>();
    private String comments = "";
    private String reasons = "";
    /** "Received now" or "at this date and time": the officers' form asks which. */
    public static final String RECEIVED_NOW = "NOW";
    public static final String RECEIVED_AT = "AT";
    private String receivedWhen = "";
    private String receivedDate = "";
    private String receivedTime = "";
    private String channel = "";
    private String attachmentName;

    /** A blank form: no position on every Question. */
    public static ReplyForm blank(List<Question> questions) {
        ReplyForm form = new ReplyForm();
        questions.forEach(q -> form.positions.put(q.number(), NO_POSITION));
        return form;
    }

    /** The form pre-filled with a stored version, to revise it. */
    public static ReplyForm of(ReplyVersion version, List<Question> questions) {
        ReplyForm form = blank(questions);
        form.memberState = version.memberState();
        version.positions().forEach((q, p) -> form.positions.put(q, p.name()));
        form.comments = nullToEmpty(version.comments());
        form.reasons = nullToEmpty(version.reasons());
        return form;
    }

    /** The form of the Member State a representative acts for: whatever was posted as the State is replaced. */
    public ReplyForm forMemberState(String code) {
        this.memberState = code;
        return this;
    }

    /** The form as posted. */
    public static ReplyForm posted(MultiValueMap<String, String> params, List<Question> questions) {
        ReplyForm form = blank(questions);
        form.memberState = first(params, "memberState");
        form.comments = first(params, "comments");
        form.reasons = first(params, "reasons");
        form.receivedWhen = first(params, "receivedWhen");
        form.receivedDate = first(params, "receivedDate");
        form.receivedTime = first(params, "receivedTime");
        form.channel = first(params, "channel");
        params.forEach((name, values) -> {
            if (name.startsWith(POSITION_PREFIX)) {
                String question = name.substring(POSITION_PREFIX.length());
                form.postedPositions.put(question, values);
                if (values.size() == 1) {
                    form.positions.put(question, values.get(0));
                }
            }
        });
        return form;
    }

    /**
     * What the Member State replied, for {@code ReplyIntake}. A Question with no position is left out.
     *
     * @throws InvalidInputException if a Question's choice cannot be read (two choices, or an unknown one)
     */
    public ReplySubmission submission() {
        Map<String, Position> chosen = new HashMap<>();
        postedPositions.forEach((question, values) -> {
            String field = POSITION_PREFIX + question;
            if (values.size() > 1) {
                throw new InvalidInputException(field, "choose one of supports approval, does not support approval or no position, not "
                        + values.size());
            }
            String value = values.isEmpty() ? NO_POSITION : values.get(0).strip();
            if (value.isEmpty() || value.equals(NO_POSITION)) {
                return;
            }
            try {
                chosen.put(question, Position.valueOf(value));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(field, "'" + value + "' is not one of supports approval, does not support approval or no position");
            }
        });
        return new ReplySubmission(memberState, chosen, comments, reasons);
    }

    /**
     * When TSB received the reply: a date and a 24-hour time, both UTC; or null when the officer chose "received now"
     * (the intake then takes its own clock's time). A date or time typed without the choice means that date and time.
     */
    public Instant receivedAtUtc() {
        String when = receivedWhen.strip();
        if (when.equals(RECEIVED_NOW)) {
            return null;
        }
        if (!when.equals(RECEIVED_AT) && receivedDate.isBlank() && receivedTime.isBlank()) {
            throw new InvalidInputException("receivedAt", "choose when TSB received the reply: now, or at a date and time (UTC)");
        }
        return UtcTime.dateAndTime("receivedAt", receivedDate, receivedTime);
    }

    /** E-mail, fax or letter: how the reply an officer records reached TSB. */
    public Channel officerChannel() {
        return OFFICER_CHANNELS.stream().filter(c -> c.name().equals(channel)).findFirst()
                .orElseThrow(() -> new InvalidInputException("channel", channel == null || channel.isBlank()
                        ? "choose how the reply reached TSB: e-mail, fax or letter"
                        : "'" + channel + "' is not one of e-mail, fax or letter"));
    }

    public String getMemberState() {
        return memberState;
    }

    /** The choice for one Question: SUPPORTS, DOES_NOT_SUPPORT or NONE (or what was posted, if unreadable). */
    public String position(String question) {
        return positions.getOrDefault(question, NO_POSITION);
    }

    public String getComments() {
        return comments;
    }

    public String getReasons() {
        return reasons;
    }

    public String getReceivedWhen() {
        return receivedWhen;
    }

    public String getReceivedDate() {
        return receivedDate;
    }

    public String getReceivedTime() {
        return receivedTime;
    }

    public String getChannel() {
        return channel;
    }

    /** The name of the file the officer had chosen: a refused form cannot keep it, so the page asks for it again. */
    public String getAttachmentName() {
        return attachmentName;
    }

    public void setAttachmentName(String attachmentName) {
        this.attachmentName = attachmentName;
    }

    private static String first(MultiValueMap<String, String> params, String name) {
        String value = params.getFirst(name);
        return value == null ? "" : value;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
