package org.dudao.organization.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface UnitRepository extends JpaRepository<Unit, Long> {

    @Query("select u from Unit u where u.treePath like concat(:prefix, '%')")
    List<Unit> findByPathPrefix(String prefix);

    boolean existsByParentId(Long parentId);

    @Query(
            "select u from Unit u where ((:parentId is null and u.parentId is null) or u.parentId = :parentId) and u.name = :name")
    Optional<Unit> findSibling(Long parentId, String name);

    /** Rewrites the paths of a moved subtree in one statement. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(
            value =
                    "update organization_unit set tree_path = :newPrefix || substring(tree_path from char_length(:oldPrefix) + 1)"
                            + " where tree_path like :oldPrefix || '%'",
            nativeQuery = true)
    int rewritePaths(String oldPrefix, String newPrefix);
}
