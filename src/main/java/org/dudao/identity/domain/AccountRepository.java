package org.dudao.identity.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.dudao.identity.Role;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AccountRepository extends JpaRepository<Account, Long> {
    Optional<Account> findByUsernameKey(String usernameKey);

    boolean existsByUsernameKey(String usernameKey);

    List<Account> findAllByOrderByIdAsc();

    @Query("select a.id from Account a where a.unitId in :units and a.enabled = true order by a.id")
    List<Long> activeIdsOfUnits(Collection<Long> units);

    @Query("select distinct a.id from Account a join a.roles r where a.unitId in :units and a.enabled = true"
            + " and r in :roles order by a.id")
    List<Long> activeIdsOfUnitsWithRoles(Collection<Long> units, Collection<Role> roles);

    @Query("select distinct a.id, a.unitId from Account a join a.roles r where a.enabled = true and r = :role"
            + " order by a.id")
    List<Object[]> activeIdsAndUnitsWithRole(Role role);

    @Query("select a.id from Account a where a.id in :ids and a.enabled = true order by a.id")
    List<Long> activeIdsAmong(Collection<Long> ids);

    @Query("select a.id, a.email from Account a where a.id in :ids and a.enabled = true and a.email is not null"
            + " order by a.id")
    List<Object[]> activeEmailsAmong(Collection<Long> ids);
}
