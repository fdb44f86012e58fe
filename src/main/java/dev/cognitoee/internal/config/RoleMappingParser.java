package dev.cognitoee.internal.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** Reads a {@link RoleMapping}: comma-separated {@code group=role} entries, e.g. {@code Admins=admin,Staff=user}. */
final class RoleMappingParser implements Parser<RoleMapping> {

    static final RoleMappingParser INSTANCE = new RoleMappingParser();

    private RoleMappingParser() {
    }

    @Override
    public RoleMapping parse(String raw, BiConsumer<String, String> bad) {
        Map<String, List<String>> rolesByGroup = new LinkedHashMap<>();
        boolean malformed = false;
        for (String part : raw.split(",")) {
            String entry = part.trim();
            if (entry.isEmpty()) {
                continue;
            }
            int equals = entry.indexOf('=');
            String group = equals < 0 ? "" : entry.substring(0, equals).trim();
            String role = equals < 0 ? "" : entry.substring(equals + 1).trim();
            if (group.isEmpty() || role.isEmpty() || role.indexOf('=') >= 0) {
                bad.accept(entry, "is not a group=role pair");
                malformed = true;
                continue;
            }
            List<String> roles = rolesByGroup.computeIfAbsent(group, g -> new ArrayList<>());
            if (!roles.contains(role)) {
                roles.add(role);
            }
        }
        if (rolesByGroup.isEmpty() && !malformed) {
            bad.accept(raw, "lists no group=role pair");
            return null;
        }
        return malformed ? null : new RoleMapping(copy(rolesByGroup));
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> rolesByGroup) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        rolesByGroup.forEach((group, roles) -> copy.put(group, List.copyOf(roles)));
        return copy;
    }
}
