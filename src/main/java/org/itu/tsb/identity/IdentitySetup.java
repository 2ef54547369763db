package org.itu.tsb.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.itu.tsb.kernel.ConsultationProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The groups of the roles exist from the first start, and the engine's authorizations (switched on) give each what
 * its role needs in the Camunda webapps and {@code /engine-rest}: officers work the consultation's tasks in Tasklist;
 * administrators may do everything; readers and representatives get nothing there. Idempotent: a restart adds
 * only what is missing, and never removes what an administrator granted.
 */
@Component
@Order(1)
public class IdentitySetup implements ApplicationRunner {

    /** Camunda's own administrators' group. */
    public static final String ADMIN_GROUP = "camunda-admin";

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final String officerGroup;
    private final String readerGroup;

    public IdentitySetup(IdentityService identity, AuthorizationService authorizations, ConsultationProperties properties) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.officerGroup = properties.officerGroup();
        this.readerGroup = properties.security().readerGroup();
    }

    @Override
    public void run(ApplicationArguments args) {
        ensureGroup(ADMIN_GROUP, "camunda BPM Administrators", "SYSTEM");
        ensureGroup(officerGroup, "TSB officers", "WORKFLOW");
        ensureGroup(readerGroup, "Study group readers", "WORKFLOW");
        for (Resource resource : Resources.values()) {
            grant(ADMIN_GROUP, resource, ANY, Permissions.ALL);
        }
        grant(officerGroup, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(officerGroup, Resources.FILTER, ANY, Permissions.READ);
        grant(officerGroup, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
        grant(officerGroup, Resources.DEPLOYMENT, ANY, Permissions.READ);
        grant(officerGroup, Resources.TASK, ANY, Permissions.READ, Permissions.UPDATE, Permissions.TASK_WORK);
        grant(officerGroup, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        grant(officerGroup, Resources.USER, ANY, Permissions.READ);
        grant(officerGroup, Resources.GROUP, ANY, Permissions.READ);
    }

    /** A group for a Member State's representatives (demo accounts, tests); in production an administrator creates them. */
    public void ensureGroup(String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).singleResult() == null) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(type);
            identity.saveGroup(group);
        }
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        boolean granted = authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource)
                .resourceId(resourceId).count() > 0;
        if (granted) {
            return;
        }
        Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(group);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        List.of(permissions).forEach(authorization::addPermission);
        authorizations.saveAuthorization(authorization);
    }
}
