package org.itu.tsb.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.itu.tsb.memberstate.MemberState;
import org.itu.tsb.reply.Channel;
import org.itu.tsb.reply.ReplyHeader;
import org.itu.tsb.reply.ReplyHistory;
import org.itu.tsb.web.page.ReplyTable.Filter;
import org.itu.tsb.web.page.ReplyTable.Line;
import org.itu.tsb.web.page.ReplyTable.Show;
import org.junit.jupiter.api.Test;

/** The replies table's filters and pages, over 120 Member States of which 70 replied. */
class ReplyTableTest {

    private static final Instant RECEIVED = Instant.parse("2026-02-09T10:15:00Z");

    private final List<MemberState> states = new ArrayList<>();
    private final List<ReplyHistory.Summary> replies = new ArrayList<>();

    ReplyTableTest() {
        for (int i = 0; i < 120; i++) {
            String code = "S" + (char) ('A' + i / 26) + (char) ('A' + i % 26);
            String name = i == 7 ? "Côte d'Ivoire" : String.format("State %03d", i);
            states.add(new MemberState(code, name, "en", List.of()));
            if (i < 70) {
                // every tenth by fax, every seventh with a late version
                replies.add(new ReplyHistory.Summary(code, name, new ReplyHeader(i, code, 1, RECEIVED, RECEIVED,
                        i % 10 == 0 ? Channel.FAX : Channel.ONLINE, false, null), Map.of(), true, 1, i % 7 == 0, false));
            }
        }
    }

    @Test
    void byDefaultTheMemberStatesThatRepliedFiftyAPage() {
        ReplyTable.Page first = ReplyTable.of(5, states, replies, new Filter(null, null, null, 1));
        assertThat(first.lines()).hasSize(50).allMatch(l -> l.reply() != null);
        assertThat(first.paging().matching()).isEqualTo(70);
        assertThat(first.paging().pages()).isEqualTo(2);
        assertThat(first.paging().previous()).isNull();
        assertThat(first.paging().next()).isEqualTo("/officer/consultations/5/replies?show=REPLIED&page=2#replies-heading");

        ReplyTable.Page second = ReplyTable.of(5, states, replies, new Filter(Show.REPLIED, null, null, 2));
        assertThat(second.lines()).hasSize(20);
        assertThat(second.paging().from()).isEqualTo(51);
        assertThat(second.paging().to()).isEqualTo(70);
        assertThat(second.paging().next()).isNull();
    }

    @Test
    void aPageBeyondTheLastShowsTheLastAndBeforeTheFirstTheFirst() {
        assertThat(ReplyTable.of(5, states, replies, new Filter(Show.ALL, null, null, 99)).paging().number()).isEqualTo(3);
        assertThat(ReplyTable.of(5, states, replies, new Filter(Show.ALL, null, null, -4)).paging().number()).isEqualTo(1);
    }

    @Test
    void notRepliedLateAndAll() {
        assertThat(ReplyTable.of(5, states, replies, new Filter(Show.NOT_REPLIED, null, null, 1)).paging().matching()).isEqualTo(50);
        assertThat(ReplyTable.of(5, states, replies, new Filter(Show.NOT_REPLIED, null, null, 1)).lines())
                .allMatch(l -> l.reply() == null);
        assertThat(ReplyTable.of(5, states, replies, new Filter(Show.LATE, null, null, 1)).lines()).extracting(Line::name)
                .containsExactly("State 000", "Côte d'Ivoire", "State 014", "State 021", "State 028", "State 035", "State 042",
                        "State 049", "State 056", "State 063");
        assertThat(ReplyTable.of(5, states, replies, new Filter(Show.ALL, null, null, 1)).paging().matching()).isEqualTo(120);
    }

    @Test
    void byChannelAndByNameWithoutCaseOrAccents() {
        assertThat(ReplyTable.of(5, states, replies, new Filter(Show.REPLIED, Channel.FAX, null, 1)).lines())
                .hasSize(7).allMatch(l -> l.reply().current().channel() == Channel.FAX);
        // no one who has not replied has a channel
        assertThat(ReplyTable.of(5, states, replies, new Filter(Show.ALL, Channel.FAX, null, 1)).lines()).hasSize(7);
        assertThat(ReplyTable.of(5, states, replies, new Filter(Show.ALL, null, "  COTE ", 1)).lines())
                .extracting(Line::name).containsExactly("Côte d'Ivoire");
        assertThat(ReplyTable.of(5, states, replies, new Filter(Show.ALL, null, "sac", 1)).lines())
                .extracting(Line::memberState).containsExactly("SAC"); // by code too
        ReplyTable.Page none = ReplyTable.of(5, states, replies, new Filter(Show.REPLIED, null, "Atlantis", 1));
        assertThat(none.lines()).isEmpty();
        assertThat(none.paging().pages()).isEqualTo(1);
    }

    @Test
    void thePageLinksKeepTheFilters() {
        ReplyTable.Page page = ReplyTable.of(5, states, replies, new Filter(Show.ALL, null, "State 0", 1));
        assertThat(page.paging().next()).isEqualTo("/officer/consultations/5/replies?show=ALL&search=State%200&page=2#replies-heading");
        assertThat(new Filter(null, null, " ", 1).narrowed()).isFalse();
        assertThat(new Filter(null, Channel.FAX, null, 1).narrowed()).isTrue();
    }
}
