package org.itu.tsb.reply;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.itu.tsb.reply.Position.DOES_NOT_SUPPORT;
import static org.itu.tsb.reply.Position.SUPPORTS;

import java.util.LinkedHashMap;
import java.util.Map;
import org.itu.tsb.kernel.Attachment;
import org.junit.jupiter.api.Test;

/** Pins down the audit fingerprint of a reply: SHA-256 of a canonical form that only the reply's content changes. */
class ContentHashTest {

    private static final Map<String, Position> POSITIONS = Map.of("Q7/17", SUPPORTS, "Q10/17", DOES_NOT_SUPPORT, "Q16/17", SUPPORTS);
    private static final Attachment SCAN = new Attachment("reply.pdf", "application/pdf", "%PDF-1.7 scan".getBytes(UTF_8));

    private static String hash(String memberState, Map<String, Position> positions, String comments, String reasons, Attachment attachment) {
        return ContentHash.of(new ReplySubmission(memberState, positions, comments, reasons), attachment);
    }

    private static String reference() {
        return hash("FRA", POSITIONS, "comments", "reasons", SCAN);
    }

    @Test
    void bytesAreHashedAsLowerCaseSha256Hex() {
        assertThat(ContentHash.of("abc".getBytes(UTF_8)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void theSameReplyHasTheSameHash() {
        assertThat(reference()).isEqualTo(reference()).matches("[0-9a-f]{64}");
    }

    @Test
    void theOrderInWhichPositionsWerePutDoesNotMatter() {
        Map<String, Position> oneOrder = new LinkedHashMap<>();
        oneOrder.put("Q7/17", SUPPORTS);
        oneOrder.put("Q10/17", DOES_NOT_SUPPORT);
        oneOrder.put("Q16/17", SUPPORTS);
        Map<String, Position> otherOrder = new LinkedHashMap<>();
        otherOrder.put("Q16/17", SUPPORTS);
        otherOrder.put("Q10/17", DOES_NOT_SUPPORT);
        otherOrder.put("Q7/17", SUPPORTS);

        assertThat(hash("FRA", oneOrder, "c", "r", null)).isEqualTo(hash("FRA", otherOrder, "c", "r", null));
    }

    @Test
    void aDifferentPositionChangesTheHash() {
        assertThat(hash("FRA", Map.of("Q7/17", SUPPORTS, "Q10/17", SUPPORTS, "Q16/17", SUPPORTS), "comments", "reasons", SCAN))
                .isNotEqualTo(reference());
    }

    @Test
    void aPositionLeftOutChangesTheHash() {
        assertThat(hash("FRA", Map.of("Q7/17", SUPPORTS, "Q10/17", DOES_NOT_SUPPORT), "comments", "reasons", SCAN))
                .isNotEqualTo(reference());
    }

    @Test
    void differentCommentsChangeTheHash() {
        assertThat(hash("FRA", POSITIONS, "other comments", "reasons", SCAN)).isNotEqualTo(reference());
    }

    @Test
    void differentReasonsChangeTheHash() {
        assertThat(hash("FRA", POSITIONS, "comments", "other reasons", SCAN)).isNotEqualTo(reference());
    }

    @Test
    void swappingCommentsAndReasonsChangesTheHash() {
        assertThat(hash("FRA", POSITIONS, "reasons", "comments", SCAN)).isNotEqualTo(hash("FRA", POSITIONS, "comments", "reasons", SCAN));
    }

    @Test
    void anotherMemberStateChangesTheHash() {
        assertThat(hash("GHA", POSITIONS, "comments", "reasons", SCAN)).isNotEqualTo(reference());
    }

    @Test
    void anotherAttachmentOrNoneChangesTheHash() {
        Attachment otherScan = new Attachment("reply.pdf", "application/pdf", "%PDF-1.7 other scan".getBytes(UTF_8));

        assertThat(hash("FRA", POSITIONS, "comments", "reasons", otherScan)).isNotEqualTo(reference());
        assertThat(hash("FRA", POSITIONS, "comments", "reasons", null)).isNotEqualTo(reference());
    }

    @Test
    void textMovedFromCommentsToReasonsChangesTheHash() {
        assertThat(hash("FRA", POSITIONS, "a", "bc", null)).isNotEqualTo(hash("FRA", POSITIONS, "ab", "c", null));
    }

    @Test
    void commentsThatLookLikeTheReasonsFieldDoNotCollide() {
        // without length prefixes both canonical forms would read "comments:a\nreasons:b\nreasons:c\n"
        assertThat(hash("FRA", POSITIONS, "a\nreasons:b", "c", null)).isNotEqualTo(hash("FRA", POSITIONS, "a", "b\nreasons:c", null));
    }

    /** Acceptable because the intake stores a blank comment or reason as null: both mean "none written". */
    @Test
    void noCommentsAndEmptyCommentsHashAlike() {
        assertThat(hash("FRA", POSITIONS, null, null, null)).isEqualTo(hash("FRA", POSITIONS, "", "", null));
    }
}
