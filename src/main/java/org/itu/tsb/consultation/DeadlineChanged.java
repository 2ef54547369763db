package org.itu.tsb.consultation;

/**
 * Published inside the transaction that changes a consultation's deadline: its listeners (the notice to the Member
 * States) act in the same transaction, so the change and what it causes exist together or not at all.
 */
public record DeadlineChanged(DeadlineChange change) {
}
