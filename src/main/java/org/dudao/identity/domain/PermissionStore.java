package org.dudao.identity.domain;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.dudao.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Role → permission strings, editable by the security admin. */
@Repository
public class PermissionStore {

    private final JdbcClient jdbc;

    public PermissionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Set<String> permissionsOf(Set<Role> roles) {
        if (roles.isEmpty()) {
            return Set.of();
        }
        List<String> names = roles.stream().map(Enum::name).toList();
        return new TreeSet<>(jdbc.sql("select permission from identity_role_permission where role in (:roles)")
                .param("roles", names)
                .query(String.class)
                .list());
    }

    public Map<Role, Set<String>> matrix() {
        Map<Role, Set<String>> m = new EnumMap<>(Role.class);
        for (Role r : Role.values()) {
            m.put(r, new TreeSet<>());
        }
        jdbc.sql("select role, permission from identity_role_permission")
                .query((rs, i) -> Map.entry(Role.valueOf(rs.getString(1)), rs.getString(2)))
                .list()
                .forEach(e -> m.get(e.getKey()).add(e.getValue()));
        return m;
    }

    /** Every permission string known to the installation (granted to some role). */
    public Set<String> known() {
        return new TreeSet<>(jdbc.sql("select distinct permission from identity_role_permission")
                .query(String.class)
                .list());
    }

    public boolean grant(Role role, String permission) {
        return jdbc.sql(
                                "insert into identity_role_permission (role, permission) values (:r, :p) on conflict do nothing")
                        .param("r", role.name())
                        .param("p", permission)
                        .update()
                > 0;
    }

    public boolean revoke(Role role, String permission) {
        return jdbc.sql("delete from identity_role_permission where role = :r and permission = :p")
                        .param("r", role.name())
                        .param("p", permission)
                        .update()
                > 0;
    }
}
