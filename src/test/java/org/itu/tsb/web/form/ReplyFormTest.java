package org.itu.tsb.web.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.itu.tsb.Sg17;
import org.itu.tsb.consultation.Question;
import org.itu.tsb.kernel.InvalidInputException;
import org.itu.tsb.reply.Channel;
import org.itu.tsb.reply.Position;
import org.itu.tsb.reply.ReplySubmission;
import org.itu.tsb.reply.ReplyVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.LinkedMultiValueMap;

/** Pins down how a posted reply form is read: positions, the received time in UTC, the channel and the officer. */
class ReplyFormTest {

    private static final List<Question> QUESTIONS = List.of(Sg17.Q7, Sg17.Q10, Sg17.Q16);

    private final LinkedMultiValueMap<String, String> params = new LinkedMultiValueMap<>();

    private ReplyForm posted() {
        return ReplyForm.posted(params, QUESTIONS);
    }

    private static void assertRefused(Runnable read, String field, String reasonPart) {
        assertThatThrownBy(read::run)
                .asInstanceOf(type(InvalidInputException.class))
                .satisfies(e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.reason()).contains(reasonPart);
                });
    }

    @Test
    void theSubmissionHasTheChosenPositionsAndTheTexts() {
        params.add("memberState", "FRA");
        params.add("positions.Q7/17", "SUPPORTS");
        params.add("positions.Q10/17", "DOES_NOT_SUPPORT");
        params.add("positions.Q16/17", "NONE");
        params.add("comments", "Our comments");
        params.add("reasons", "Our reasons");

        assertThat(posted().submission()).isEqualTo(new ReplySubmission("FRA",
                Map.of("Q7/17", Position.SUPPORTS, "Q10/17", Position.DOES_NOT_SUPPORT), "Our comments", "Our reasons"));
    }

    @Test
    void aQuestionWithNoPositionOrABlankChoiceIsLeftOut() {
        params.add("positions.Q7/17", "NONE");
        params.add("positions.Q10/17", "");
        params.add("positions.Q16/17", "  ");

        assertThat(posted().submission().positions()).isEmpty();
    }

    @Test
    void aQuestionNotPostedIsLeftOut() {
        params.add("positions.Q16/17", "SUPPORTS");

        assertThat(posted().submission().positions()).containsOnlyKeys("Q16/17");
    }

    @Test
    void twoChoicesForOneQuestionAreRefused() {
        params.add("positions.Q7/17", "SUPPORTS");
        params.add("positions.Q7/17", "DOES_NOT_SUPPORT");

        assertRefused(() -> posted().submission(), "positions.Q7/17", "not 2");
    }

    @Test
    void twoChoicesAreKeptAsNoPositionOnTheRedisplayedForm() {
        params.add("positions.Q7/17", "SUPPORTS");
        params.add("positions.Q7/17", "DOES_NOT_SUPPORT");

        assertThat(posted().position("Q7/17")).isEqualTo(ReplyForm.NO_POSITION);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "0", "YES", "supports"})
    void anUnknownChoiceIsRefusedAndNeverBecomesAPosition(String value) {
        params.add("positions.Q7/17", value);

        assertRefused(() -> posted().submission(), "positions.Q7/17", "'" + value + "' is not one of");
    }

    @Test
    void anUnknownChoiceIsKeptAsTypedForTheRedisplayedForm() {
        params.add("positions.Q7/17", "YES");

        assertThat(posted().position("Q7/17")).isEqualTo("YES");
    }

    @Test
    void theReceivedDateAndTwentyFourHourTimeAreReadAsUtc() {
        params.add("receivedWhen", ReplyForm.RECEIVED_AT);
        params.add("receivedDate", "2026-04-03");
        params.add("receivedTime", "23:15");

        assertThat(posted().receivedAtUtc()).isEqualTo(Instant.parse("2026-04-03T23:15:00Z"));
    }

    @Test
    void aDateAndTimeTypedWithoutTheChoiceAreThatDateAndTime() {
        params.add("receivedDate", "2026-04-03");
        params.add("receivedTime", "09:05");

        assertThat(posted().receivedAtUtc()).isEqualTo(Instant.parse("2026-04-03T09:05:00Z"));
    }

    @Test
    void receivedNowLeavesTheTimeToTheIntakesClockWhateverWasTyped() {
        params.add("receivedWhen", ReplyForm.RECEIVED_NOW);
        params.add("receivedDate", "2026-04-03");
        params.add("receivedTime", "nonsense");

        assertThat(posted().receivedAtUtc()).isNull();
    }

    @Test
    void noChoiceAndNoTimeIsRefused() {
        assertRefused(() -> posted().receivedAtUtc(), "receivedAt", "choose when TSB received the reply: now, or at a date and time (UTC)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2:15 PM", "14h05", "24:00", "9:05", "14:60", "14:05:30", ""})
    void aTimeNotOnThe24HourClockAsHhMmIsRefused(String time) {
        params.add("receivedWhen", ReplyForm.RECEIVED_AT);
        params.add("receivedDate", "2026-04-03");
        params.add("receivedTime", time);

        assertRefused(() -> posted().receivedAtUtc(), "receivedAt", time.isEmpty() ? "enter a time such as 14:05 (24-hour, UTC)"
                : "'" + time + "' is not a time such as 14:05 (hours 00 to 23, minutes 00 to 59, UTC)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"03/04/2026", "2026-02-30", "3 April 2026"})
    void aDateInAnotherFormatIsRefused(String date) {
        params.add("receivedWhen", ReplyForm.RECEIVED_AT);
        params.add("receivedDate", date);
        params.add("receivedTime", "10:15");

        assertRefused(() -> posted().receivedAtUtc(), "receivedAt", "'" + date + "' is not a date such as 2026-04-03 (year-month-day)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"EMAIL", "FAX", "LETTER"})
    void anOfficerRecordsRepliesReceivedByEmailFaxOrLetter(String channel) {
        params.add("channel", channel);

        assertThat(posted().officerChannel()).isEqualTo(Channel.valueOf(channel));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ONLINE", "API", "PIGEON"})
    void anOfficerCannotRecordAReplyFromAnotherChannel(String channel) {
        params.add("channel", channel);

        assertRefused(() -> posted().officerChannel(), "channel", "'" + channel + "' is not one of e-mail, fax or letter");
    }

    @Test
    void noChannelIsRefused() {
        params.add("channel", " ");

        assertRefused(() -> posted().officerChannel(), "channel", "choose how the reply reached TSB");
    }

    @Test
    void aRepresentativesFormIsForItsOwnStateWhateverWasPosted() {
        params.add("memberState", "GHA");

        assertThat(posted().forMemberState("FRA").submission().memberState()).isEqualTo("FRA");
    }

    @Test
    void aBlankFormHasNoPositionOnEveryQuestion() {
        ReplyForm form = ReplyForm.blank(QUESTIONS);

        assertThat(QUESTIONS).allSatisfy(q -> assertThat(form.position(q.number())).isEqualTo(ReplyForm.NO_POSITION));
        assertThat(form.submission().positions()).isEmpty();
    }

    @Test
    void aFormForAStoredVersionIsPrefilledWithItsContent() {
        ReplyVersion version = new ReplyVersion(3, 1, "FRA", 2, Map.of("Q7/17", Position.SUPPORTS, "Q16/17", Position.DOES_NOT_SUPPORT),
                "Our comments", "Our reasons", Instant.parse("2026-04-02T10:00:00Z"), Instant.parse("2026-04-02T10:05:00Z"),
                "tsb-officer", Channel.FAX, false, "hash", null);

        ReplyForm form = ReplyForm.of(version, QUESTIONS);

        assertThat(form.getMemberState()).isEqualTo("FRA");
        assertThat(form.position("Q7/17")).isEqualTo("SUPPORTS");
        assertThat(form.position("Q10/17")).isEqualTo(ReplyForm.NO_POSITION);
        assertThat(form.position("Q16/17")).isEqualTo("DOES_NOT_SUPPORT");
        assertThat(form.getComments()).isEqualTo("Our comments");
        assertThat(form.getReasons()).isEqualTo("Our reasons");
    }

    @Test
    void aFormForAVersionWithoutTextsHasEmptyTexts() {
        ReplyVersion version = new ReplyVersion(3, 1, "FRA", 1, Map.of(), null, null, Instant.parse("2026-04-02T10:00:00Z"),
                Instant.parse("2026-04-02T10:05:00Z"), "tsb-officer", Channel.EMAIL, false, "hash", null);

        ReplyForm form = ReplyForm.of(version, QUESTIONS);

        assertThat(form.getComments()).isEmpty();
        assertThat(form.getReasons()).isEmpty();
    }
}
