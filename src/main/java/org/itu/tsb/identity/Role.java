package org.itu.tsb.identity;

/**
 * What a user may do, derived from the Camunda groups the user belongs to. The authority names are the ones Spring
 * Security checks ({@code hasRole("OFFICER")}).
 */
public enum Role {
    /** TSB officer (group {@code consultation.officer-group}): adopts, opens, records replies for any State, sees every position. */
    OFFICER,
    /** TSB administrator (group {@code camunda-admin}): users and groups, Cockpit, redeployment. */
    ADMIN,
    /** Member State representative (exactly one group {@code member-state-<code>}): replies for that State only. */
    REPRESENTATIVE,
    /** Study group reader (group {@code consultation.security.reader-group}): the result and the comments, after the decision. */
    READER;

    public String authority() {
        return "ROLE_" + name();
    }
}
