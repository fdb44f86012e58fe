package dev.cognitoee.internal.config;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How an issuer's groups become the caller's roles ({@code cognito.pool.<name>.role-mapping}, e.g.
 * {@code Admins=admin,Staff=user}). With no mapping the groups are the roles, as they are for the default pool.
 * With a mapping, <em>only mapped groups become roles</em>: a group called {@code admin} in a customer pool must
 * not silently become this application's role {@code admin}. A group may be mapped to several roles and several
 * groups to one role.
 *
 * @param rolesByGroup the roles of each mapped group; empty means "the groups are the roles"
 */
public record RoleMapping(Map<String, List<String>> rolesByGroup) {

    /** No mapping: the groups are the roles. */
    public static final RoleMapping GROUPS_ARE_ROLES = new RoleMapping(Map.of());

    public RoleMapping {
        rolesByGroup = Map.copyOf(rolesByGroup);
    }

    /** The roles of a caller in {@code groups}. */
    public Set<String> roles(Set<String> groups) {
        if (rolesByGroup.isEmpty()) {
            return groups;
        }
        Set<String> roles = new LinkedHashSet<>();
        for (String group : groups) {
            roles.addAll(rolesByGroup.getOrDefault(group, List.of()));
        }
        return Set.copyOf(roles);
    }
}
