package org.itu.tsb.process;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.itu.tsb.kernel.ConsultationProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The candidate group of the officers' user tasks exists from the first start, with the administrator in it,
 * so "Issue circular" shows up in Tasklist's group tasks. The identity store proper comes with the security issue.
 */
@Component
@Order(1)
public class OfficerGroup implements ApplicationRunner {

    private final IdentityService identity;
    private final String groupId;
    private final String adminUser;

    public OfficerGroup(IdentityService identity, ConsultationProperties properties, CamundaBpmProperties camunda) {
        this.identity = identity;
        this.groupId = properties.officerGroup();
        this.adminUser = camunda.getAdminUser() == null || camunda.getAdminUser().getId() == null ? ""
                : camunda.getAdminUser().getId();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (identity.createGroupQuery().groupId(groupId).singleResult() == null) {
            Group group = identity.newGroup(groupId);
            group.setName("TSB officers");
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
        boolean adminExists = !adminUser.isBlank() && identity.createUserQuery().userId(adminUser).singleResult() != null;
        if (adminExists && identity.createUserQuery().userId(adminUser).memberOfGroup(groupId).singleResult() == null) {
            identity.createMembership(adminUser, groupId);
        }
    }
}
