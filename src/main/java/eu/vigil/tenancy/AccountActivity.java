package eu.vigil.tenancy;

import java.util.UUID;

/** Something a person or an API key did to accounts, keys or tenants; every one ends up in the tenant's audit log. */
public sealed interface AccountActivity {

    UUID tenantId();

    String actor();

    String target();

    default String detail() {
        return null;
    }

    record TenantCreated(UUID tenantId, String actor, String target) implements AccountActivity {}

    record UserInvited(UUID tenantId, String actor, String target, Role role) implements AccountActivity {
        @Override
        public String detail() {
            return role.name();
        }
    }

    record InvitationAccepted(UUID tenantId, String actor, String target) implements AccountActivity {}

    record UserRoleChanged(UUID tenantId, String actor, String target, Role from, Role to) implements AccountActivity {
        @Override
        public String detail() {
            return from + " → " + to;
        }
    }

    record UserDeactivated(UUID tenantId, String actor, String target) implements AccountActivity {}

    record UserReactivated(UUID tenantId, String actor, String target) implements AccountActivity {}

    record UserSignedIn(UUID tenantId, String actor, String target) implements AccountActivity {}

    record SignInFailed(UUID tenantId, String actor, String target, boolean locked) implements AccountActivity {
        @Override
        public String detail() {
            return locked ? "locked" : null;
        }
    }

    record PasswordChanged(UUID tenantId, String actor, String target) implements AccountActivity {}

    record PasswordResetRequested(UUID tenantId, String actor, String target) implements AccountActivity {}

    record ProfileUpdated(UUID tenantId, String actor, String target) implements AccountActivity {}

    record ApiKeyCreated(UUID tenantId, String actor, String target) implements AccountActivity {}

    record ApiKeyRevoked(UUID tenantId, String actor, String target) implements AccountActivity {}
}
