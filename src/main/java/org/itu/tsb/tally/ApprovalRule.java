package org.itu.tsb.tally;

/**
 * How a procedure turns the tally of one Question into a decision. One small class per procedure
 * (Resolution 1 clause 7.3.2 today; 7.2.3, 7.4 and TAP later), free of any framework.
 */
public interface ApprovalRule {

    Decision decide(Tally tally);
}
