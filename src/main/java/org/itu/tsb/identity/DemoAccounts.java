package org.itu.tsb.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.itu.tsb.kernel.ConsultationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code --consultation.demo=true} only: one account per role, password equal to the user name. Without the demo
 * no account with a known password exists.
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "consultation.demo", havingValue = "true")
public class DemoAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private record Account(String id, String firstName, String lastName, List<String> groups) {}

    private final IdentityService identity;
    private final IdentitySetup setup;
    private final List<Account> accounts;
    private final String memberStatePrefix;

    public DemoAccounts(IdentityService identity, IdentitySetup setup, ConsultationProperties properties) {
        this.identity = identity;
        this.setup = setup;
        this.memberStatePrefix = properties.security().memberStateGroupPrefix();
        this.accounts = List.of(
                new Account("demo", "Demo", "Administrator", List.of(properties.officerGroup(), IdentitySetup.ADMIN_GROUP)),
                new Account("officer", "Olga", "Officer", List.of(properties.officerGroup())),
                new Account("reader", "Rita", "Reader (SG17)", List.of(properties.security().readerGroup())),
                new Account("fra", "France", "Representative", List.of(memberStatePrefix + "fra")),
                new Account("gha", "Ghana", "Representative", List.of(memberStatePrefix + "gha")));
    }

    @Override
    public void run(ApplicationArguments args) {
        setup.ensureGroup(memberStatePrefix + "fra", "Representatives of France (FRA)", "MEMBER_STATE");
        setup.ensureGroup(memberStatePrefix + "gha", "Representatives of Ghana (GHA)", "MEMBER_STATE");
        for (Account account : accounts) {
            if (identity.createUserQuery().userId(account.id()).singleResult() == null) {
                User user = identity.newUser(account.id());
                user.setFirstName(account.firstName());
                user.setLastName(account.lastName());
                user.setEmail(account.id() + "@demo.example");
                user.setPassword(account.id());
                identity.saveUser(user);
            }
            for (String group : account.groups()) {
                if (identity.createUserQuery().userId(account.id()).memberOfGroup(group).singleResult() == null) {
                    identity.createMembership(account.id(), group);
                }
            }
        }
        log.warn("Demo accounts (password = user name): {}", accounts.stream().map(Account::id).toList());
    }
}
