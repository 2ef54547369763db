package org.itu.tsb.identity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.itu.tsb.kernel.ConsultationProperties;
import org.itu.tsb.memberstate.MemberStateRegistry;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * One identity store for the pages, the API, {@code /engine-rest} and the Camunda webapps: Camunda's users and
 * groups (passwords hashed by the engine). A login is checked by the engine, slowed by {@link LoginThrottle}, and
 * turned into a {@link ConsultationUser} whose roles come from its groups.
 */
@Component
public class IdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identity;
    private final LoginThrottle throttle;
    private final MemberStateRegistry memberStates;
    private final String officerGroup;
    private final String readerGroup;
    private final String memberStatePrefix;

    public IdentityAuthenticationProvider(IdentityService identity, LoginThrottle throttle, MemberStateRegistry memberStates,
                                          ConsultationProperties properties) {
        this.identity = identity;
        this.throttle = throttle;
        this.memberStates = memberStates;
        this.officerGroup = properties.officerGroup();
        this.readerGroup = properties.security().readerGroup();
        this.memberStatePrefix = properties.security().memberStateGroupPrefix();
    }

    @Override
    public Authentication authenticate(Authentication request) throws AuthenticationException {
        String user = request.getName() == null ? "" : request.getName().strip();
        String password = request.getCredentials() == null ? "" : request.getCredentials().toString();
        String address = request.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "unknown";
        var wait = throttle.waitBefore(user, address);
        if (wait.isPresent()) {
            throw new LoginThrottledException(wait.get());
        }
        if (user.isEmpty() || user.length() > 128 || !identity.checkPassword(user, password)) {
            throttle.failed(user, address);
            throw new BadCredentialsException("The user name or the password is not right.");
        }
        throttle.succeeded(user, address);
        ConsultationUser principal = userOf(user);
        List<SimpleGrantedAuthority> authorities = principal.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        var result = UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
        result.setDetails(request.getDetails());
        return result;
    }

    /** The user's roles from its Camunda groups. A user in two Member States' groups acts for neither. */
    public ConsultationUser userOf(String userId) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        List<String> states = new ArrayList<>();
        for (Group group : identity.createGroupQuery().groupMember(userId).list()) {
            String id = group.getId();
            if (id.equals(officerGroup)) {
                roles.add(Role.OFFICER);
            } else if (id.equals(IdentitySetup.ADMIN_GROUP)) {
                roles.add(Role.ADMIN);
            } else if (id.equals(readerGroup)) {
                roles.add(Role.READER);
            } else if (id.startsWith(memberStatePrefix)) {
                memberStates.find(id.substring(memberStatePrefix.length())).ifPresent(s -> states.add(s.code()));
            }
        }
        String memberState = null;
        if (states.size() == 1) {
            roles.add(Role.REPRESENTATIVE);
            memberState = states.get(0);
        }
        return new ConsultationUser(userId, roles, memberState);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** Too many failed logins lately: the user or the address must wait; the account itself is never locked. */
    public static class LoginThrottledException extends LockedException {

        private final Duration wait;

        LoginThrottledException(Duration wait) {
            super("Too many failed logins: try again in " + Math.max(1, wait.toSeconds()) + " seconds.");
            this.wait = wait;
        }

        public Duration retryAfter() {
            return wait;
        }
    }
}
