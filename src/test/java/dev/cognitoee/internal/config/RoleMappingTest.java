package dev.cognitoee.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Groups to roles: all of them without a mapping, only the mapped ones with one. */
class RoleMappingTest {

    @Test
    void withoutAMappingTheGroupsAreTheRoles() {
        assertThat(RoleMapping.GROUPS_ARE_ROLES.roles(Set.of("admin", "user"))).containsExactlyInAnyOrder(
                "admin", "user");
    }

    @Test
    void withAMappingOnlyMappedGroupsBecomeRoles() {
        RoleMapping mapping = parse("Admins=admin, Staff=user");

        assertThat(mapping.roles(Set.of("Admins", "Staff"))).containsExactlyInAnyOrder("admin", "user");
        assertThat(mapping.roles(Set.of("admin", "Staff"))).as("a pool's own group 'admin' is not the role admin")
                .containsExactly("user");
        assertThat(mapping.roles(Set.of())).isEmpty();
    }

    @Test
    void aGroupMayHaveSeveralRolesAndSeveralGroupsOneRole() {
        RoleMapping mapping = parse("Admins=admin,Admins=user,Staff=user,Admins=admin");

        assertThat(mapping.rolesByGroup().get("Admins")).containsExactly("admin", "user");
        assertThat(mapping.roles(Set.of("Admins", "Staff"))).containsExactlyInAnyOrder("admin", "user");
    }

    @Test
    void malformedPairsAreEachReported() {
        List<String> bad = new ArrayList<>();
        RoleMapping mapping = RoleMappingParser.INSTANCE.parse("Admins=admin,Staff,=user,a=b=c,Ops= ",
                (part, reason) -> bad.add(part + " " + reason));

        assertThat(mapping).isNull();
        assertThat(bad).containsExactly("Staff is not a group=role pair", "=user is not a group=role pair",
                "a=b=c is not a group=role pair", "Ops= is not a group=role pair");
    }

    @Test
    void aMappingOfNoPairIsRefused() {
        List<String> bad = new ArrayList<>();
        assertThat(RoleMappingParser.INSTANCE.parse(", ,", (part, reason) -> bad.add(part + " " + reason))).isNull();
        assertThat(bad).containsExactly(", , lists no group=role pair");
    }

    private static RoleMapping parse(String raw) {
        return RoleMappingParser.INSTANCE.parse(raw, (part, reason) -> {
            throw new AssertionError(part + " " + reason);
        });
    }
}
