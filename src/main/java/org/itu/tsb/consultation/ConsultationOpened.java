package org.itu.tsb.consultation;

import java.time.Instant;

/**
 * Published, inside the opening transaction, when TSB issues a consultation's circular: what must be ready for the
 * first reply (the replies' per-Member-State slots) is prepared by its listeners in the same transaction.
 */
public record ConsultationOpened(long consultationId, Instant deadline) {
}
