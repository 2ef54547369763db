package org.itu.tsb.tally;

/** What happens to one Question once its replies are tallied. */
public enum Decision {
    APPROVED,
    REFERRED_BACK
}
