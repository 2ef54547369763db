package org.itu.tsb.identity;

import java.security.Principal;
import java.util.Optional;
import java.util.Set;

/**
 * The authenticated user as the application sees it: the Camunda user id, the roles its groups give, and for a
 * Member State representative the one Member State it acts for.
 */
public record ConsultationUser(String id, Set<Role> roles, String memberState) implements Principal {

    public ConsultationUser {
        roles = Set.copyOf(roles);
        if (roles.contains(Role.REPRESENTATIVE) == (memberState == null)) {
            throw new IllegalArgumentException("a representative, and only a representative, acts for a Member State");
        }
    }

    @Override
    public String getName() {
        return id;
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }

    /** TSB sees every Member State's positions; everyone else sees at most their own State's. */
    public boolean isTsb() {
        return is(Role.OFFICER) || is(Role.ADMIN);
    }

    /** The comments forwarded to the study group are for TSB and the study group's readers, not for the Member States. */
    public boolean readsComments() {
        return isTsb() || is(Role.READER);
    }

    /** The Member State this user replies for, if a representative. */
    public Optional<String> representedState() {
        return Optional.ofNullable(memberState);
    }
}
