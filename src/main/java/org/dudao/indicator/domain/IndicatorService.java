package org.dudao.indicator.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dudao.indicator.BuiltinSystem;
import org.dudao.indicator.Finding;
import org.dudao.indicator.IndicatorNode;
import org.dudao.indicator.IndicatorSystemView;
import org.dudao.indicator.IndicatorTree;
import org.dudao.indicator.NewSystem;
import org.dudao.indicator.SystemStatus;
import org.dudao.shared.audit.AuditEvent;
import org.dudao.shared.error.ConflictException;
import org.dudao.shared.error.NotFoundException;
import org.dudao.shared.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The office's indicator systems: load a built-in, import, publish, edit a draft, clone for next year,
 * compare, validate. A system belongs to the jurisdiction of the office that created it and is seen
 * only there.
 */
@Service
@Transactional
public class IndicatorService {

    static final String TYPE = "indicator-system";

    private final IndicatorStore store;
    private final BuiltinCatalogue builtins;
    private final ApplicationEventPublisher events;

    public IndicatorService(IndicatorStore store, BuiltinCatalogue builtins, ApplicationEventPublisher events) {
        this.store = store;
        this.builtins = builtins;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<IndicatorSystemView> list(CurrentUser user) {
        return store.list(user.jurisdictionUnitId());
    }

    @Transactional(readOnly = true)
    public IndicatorTree tree(long id, CurrentUser user) {
        IndicatorSystemView system = visible(id, user);
        return new IndicatorTree(system, store.loadRoots(id));
    }

    /** Loads a built-in system as a new published version in the user's jurisdiction. */
    public IndicatorSystemView loadBuiltin(String code, CurrentUser user) {
        BuiltinSystem builtin = builtins.find(code)
                .filter(BuiltinSystem::available)
                .orElseThrow(() -> new NotFoundException("builtin", code));
        return create(
                builtin.meta(), builtins.tree(builtin), SystemStatus.PUBLISHED, null, user, "indicator.system.load");
    }

    /** A new version of a system (import, clone, new draft): always a new row, never an overwrite. */
    public IndicatorSystemView create(
            NewSystem meta,
            List<IndicatorNode> roots,
            SystemStatus status,
            Long basedOn,
            CurrentUser user,
            String action) {
        long owner = user.jurisdictionUnitId();
        int version = store.nextVersion(owner, meta.code());
        long id = store.insertSystem(meta, version, status, basedOn, owner);
        store.insertTree(id, roots);
        IndicatorSystemView created = store.find(id).orElseThrow();
        events.publishEvent(AuditEvent.success(
                action,
                TYPE,
                id,
                null,
                Map.of("code", meta.code(), "version", version, "status", status.name(), "nodes", count(roots))));
        return created;
    }

    public IndicatorSystemView publish(long id, CurrentUser user) {
        IndicatorSystemView s = visible(id, user);
        if (s.status() == SystemStatus.PUBLISHED) {
            throw new ConflictException(null, "indicator.alreadyPublished");
        }
        store.setStatus(id, SystemStatus.PUBLISHED);
        events.publishEvent(AuditEvent.success(
                "indicator.system.publish", TYPE, id, Map.of("status", "DRAFT"), Map.of("status", "PUBLISHED")));
        return store.find(id).orElseThrow();
    }

    /** Editing a published system starts a new draft version holding the same tree. */
    public IndicatorSystemView newDraft(long id, CurrentUser user) {
        IndicatorTree tree = tree(id, user);
        IndicatorSystemView s = tree.system();
        return create(
                meta(s, s.code(), s.year()),
                withoutIds(tree.roots()),
                SystemStatus.DRAFT,
                id,
                user,
                "indicator.system.draft");
    }

    /** 复制为下一年度: the same tree as a draft for another year; the code's year is replaced. */
    public IndicatorSystemView cloneForYear(long id, int year, CurrentUser user) {
        IndicatorTree tree = tree(id, user);
        IndicatorSystemView s = tree.system();
        String code = s.year() != null && s.code().contains(String.valueOf(s.year()))
                ? s.code().replace(String.valueOf(s.year()), String.valueOf(year))
                : s.code() + "-" + year;
        String name = s.year() != null ? s.name().replace(String.valueOf(s.year()), String.valueOf(year)) : s.name();
        NewSystem meta = new NewSystem(code, name, year, s.documentNo(), s.kind(), s.source(), s.categories(), null);
        return create(meta, withoutIds(tree.roots()), SystemStatus.DRAFT, id, user, "indicator.system.clone");
    }

    /** Changes one node of a draft; a published version cannot change. */
    public void updateNode(long systemId, long nodeId, IndicatorNode changed, CurrentUser user) {
        IndicatorTree tree = tree(systemId, user);
        if (tree.system().status() != SystemStatus.DRAFT) {
            throw new ConflictException(null, "indicator.publishedImmutable");
        }
        IndicatorNode before = findNode(tree.roots(), nodeId);
        if (before == null) {
            throw new NotFoundException("indicator-node", nodeId);
        }
        store.updateNode(systemId, nodeId, changed);
        events.publishEvent(AuditEvent.success(
                "indicator.node.update", "indicator-node", nodeId, snapshot(before), snapshot(changed)));
    }

    @Transactional(readOnly = true)
    public List<Finding> validate(long id, LocalDate campaignEnd, CurrentUser user) {
        return validate(tree(id, user), campaignEnd, user);
    }

    /** The report for a tree already loaded (with {@link #tree}), compared with its sibling systems. */
    @Transactional(readOnly = true)
    public List<Finding> validate(IndicatorTree tree, LocalDate campaignEnd, CurrentUser user) {
        List<Finding> findings = new ArrayList<>(Validator.validate(tree, campaignEnd));
        if (tree.system().documentNo() != null) {
            for (IndicatorSystemView other : latestOfSameDocument(tree.system(), user)) {
                findings.addAll(Validator.compareLevelOne(tree, new IndicatorTree(other, store.loadRoots(other.id()))));
            }
        }
        return findings;
    }

    private List<IndicatorSystemView> latestOfSameDocument(IndicatorSystemView system, CurrentUser user) {
        List<IndicatorSystemView> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (IndicatorSystemView s : store.list(user.jurisdictionUnitId())) { // newest version first per code
            if (!s.code().equals(system.code()) && system.documentNo().equals(s.documentNo()) && seen.add(s.code())) {
                out.add(s);
            }
        }
        return out;
    }

    IndicatorSystemView visible(long id, CurrentUser user) {
        IndicatorSystemView s = store.find(id).orElseThrow(() -> new NotFoundException(TYPE, id));
        if (s.ownerUnitId() != user.jurisdictionUnitId()) {
            events.publishEvent(AuditEvent.denied("indicator.system.read", TYPE, id, "outside jurisdiction"));
            throw new NotFoundException(TYPE, id);
        }
        return s;
    }

    static NewSystem meta(IndicatorSystemView s, String code, Integer year) {
        return new NewSystem(
                code, s.name(), year, s.documentNo(), s.kind(), s.source(), s.categories(), s.builtinCode());
    }

    static List<IndicatorNode> withoutIds(List<IndicatorNode> roots) {
        return roots.stream().map(IndicatorNode::withoutId).toList();
    }

    static IndicatorNode findNode(List<IndicatorNode> nodes, long id) {
        for (IndicatorNode n : nodes) {
            if (n.id() != null && n.id() == id) {
                return n;
            }
            IndicatorNode found = findNode(n.children(), id);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    static Map<String, Object> snapshot(IndicatorNode n) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("label", n.label());
        m.put("name", n.name());
        m.put("points", n.points() == null ? null : n.points().toPlainString());
        m.put("methods", n.methods());
        m.put("deadline", n.deadline() == null ? null : n.deadline().toString());
        m.put("assessorLead", n.assessorLead());
        m.put("requirement", n.requirement());
        return m;
    }

    private static int count(List<IndicatorNode> roots) {
        return roots.stream().mapToInt(IndicatorNode::size).sum();
    }
}
