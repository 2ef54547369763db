package org.itu.tsb.web.page;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.itu.tsb.memberstate.MemberState;
import org.itu.tsb.reply.Channel;
import org.itu.tsb.reply.ReplyHistory;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The replies table of a consultation's page: a line per Member State, filtered (which ones, by channel, by name) and
 * paged, 50 lines a page, over the 194 Member States in memory: their lines are light ({@link ReplyHistory#overview}).
 */
public final class ReplyTable {

    static final int PAGE_SIZE = 50;

    /** Which Member States the table lists. */
    public enum Show {
        /** Those that replied, in time or late: the default. */
        REPLIED,
        /** Those that sent at least one version after the deadline. */
        LATE,
        NOT_REPLIED,
        ALL
    }

    /** What the officer asked for; {@code channel} and {@code search} may be null. */
    public record Filter(Show show, Channel channel, String search, int page) {

        public Filter {
            show = show == null ? Show.REPLIED : show;
            search = search == null || search.isBlank() ? null : search.strip();
        }

        public boolean narrowed() {
            return show != Show.REPLIED || channel != null || search != null;
        }
    }

    /** A Member State and its reply, if it replied. */
    public record Line(String memberState, String name, ReplyHistory.Summary reply) {}

    private ReplyTable() {
    }

    /** The Member States, in the registry's order, with no reply among {@code replies}. */
    static List<MemberState> notReplied(List<MemberState> memberStates, List<ReplyHistory.Summary> replies) {
        Set<String> replied = new HashSet<>();
        replies.forEach(r -> replied.add(r.memberState()));
        return memberStates.stream().filter(m -> !replied.contains(m.code())).toList();
    }

    /** The page of lines the filter asks for, from every Member State (by name) and the summaries of those that replied. */
    static Page of(long consultationId, List<MemberState> memberStates, List<ReplyHistory.Summary> replies, Filter filter) {
        Map<String, ReplyHistory.Summary> byCode = new HashMap<>();
        replies.forEach(r -> byCode.put(r.memberState(), r));
        List<Line> lines = new ArrayList<>();
        if (filter.show() == Show.REPLIED || filter.show() == Show.LATE) {
            replies.forEach(r -> lines.add(new Line(r.memberState(), r.name(), r)));
        } else {
            memberStates.forEach(m -> lines.add(new Line(m.code(), m.name(), byCode.get(m.code()))));
        }
        // a reply from a code the registry no longer knows is still listed among "all"
        if (filter.show() == Show.ALL) {
            replies.stream().filter(r -> memberStates.stream().noneMatch(m -> m.code().equals(r.memberState())))
                    .forEach(r -> lines.add(new Line(r.memberState(), r.name(), r)));
        }
        List<Line> matching = lines.stream().filter(matches(filter)).toList();
        int pages = Math.max(1, (matching.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int number = Math.min(Math.max(filter.page(), 1), pages);
        int from = (number - 1) * PAGE_SIZE;
        List<Line> shown = matching.subList(from, Math.min(from + PAGE_SIZE, matching.size()));
        return new Page(shown, new OfficerNoticeController.Paging(number, pages, from + 1, from + shown.size(), matching.size(),
                number > 1 ? link(consultationId, filter, number - 1) : null,
                number < pages ? link(consultationId, filter, number + 1) : null));
    }

    public record Page(List<Line> lines, OfficerNoticeController.Paging paging) {}

    private static Predicate<Line> matches(Filter filter) {
        Predicate<Line> which = switch (filter.show()) {
            case REPLIED -> line -> line.reply() != null;
            case LATE -> line -> line.reply() != null && line.reply().late();
            case NOT_REPLIED -> line -> line.reply() == null;
            case ALL -> line -> true;
        };
        if (filter.channel() != null) {
            which = which.and(line -> line.reply() != null && line.reply().current().channel() == filter.channel());
        }
        if (filter.search() != null) {
            String wanted = folded(filter.search());
            which = which.and(line -> folded(line.name()).contains(wanted) || folded(line.memberState()).contains(wanted));
        }
        return which;
    }

    /** "Côte d'Ivoire" is found by "cote": no case, no accents. */
    static String folded(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    /** The page's address with the same filter and another page number; the table's place on the page. */
    static String link(long consultationId, Filter filter, int page) {
        return UriComponentsBuilder.fromPath("/officer/consultations/{id}/replies")
                .queryParam("show", filter.show())
                .queryParamIfPresent("channel", Optional.ofNullable(filter.channel()))
                .queryParamIfPresent("search", Optional.ofNullable(filter.search()))
                .queryParam("page", page)
                .fragment("replies-heading")
                .buildAndExpand(consultationId).encode().toUriString();
    }
}
