package org.itu.tsb;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.itu.tsb.identity.IdentityAuthenticationProvider;
import org.itu.tsb.identity.IdentitySetup;
import org.itu.tsb.kernel.ConsultationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * One account per role in the test's identity store (password = user name), as the demo has them, plus a pure
 * administrator and a user with no role.
 */
public final class TestAccounts {

    public static final String OFFICER = "officer";
    public static final String ADMIN = "admin";
    public static final String READER = "reader";
    public static final String FRA = "fra";
    public static final String GHA = "gha";
    public static final String NOBODY = "nobody";

    private TestAccounts() {
    }

    /** Creates the accounts unless they exist; returns quickly when they do. */
    public static void ensure(ApplicationContext context) {
        IdentityService identity = context.getBean(IdentityService.class);
        if (identity.createUserQuery().userId(NOBODY).count() > 0) {
            return;
        }
        ConsultationProperties properties = context.getBean(ConsultationProperties.class);
        IdentitySetup setup = context.getBean(IdentitySetup.class);
        String prefix = properties.security().memberStateGroupPrefix();
        setup.ensureGroup(prefix + "fra", "Representatives of France", "MEMBER_STATE");
        setup.ensureGroup(prefix + "gha", "Representatives of Ghana", "MEMBER_STATE");
        Map<String, List<String>> accounts = Map.of(
                OFFICER, List.of(properties.officerGroup()),
                ADMIN, List.of(IdentitySetup.ADMIN_GROUP),
                READER, List.of(properties.security().readerGroup()),
                FRA, List.of(prefix + "fra"),
                GHA, List.of(prefix + "gha"),
                NOBODY, List.of());
        accounts.forEach((id, groups) -> {
            if (identity.createUserQuery().userId(id).count() == 0) {
                User user = identity.newUser(id);
                user.setPassword(id);
                user.setFirstName(id);
                user.setLastName("Test");
                identity.saveUser(user);
                groups.forEach(g -> identity.createMembership(id, g));
            }
        });
    }

    /** The user as the real login makes it, for MockMvc. */
    public static RequestPostProcessor as(ApplicationContext context, String userId) {
        return authentication(authenticated(context, userId));
    }

    public static Authentication authenticated(ApplicationContext context, String userId) {
        ensure(context);
        return context.getBean(IdentityAuthenticationProvider.class)
                .authenticate(new UsernamePasswordAuthenticationToken(userId, userId));
    }
}
