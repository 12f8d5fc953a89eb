package org.dudao.campaign.domain;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dudao.organization.UnitView;

/**
 * Finds the unit a printed responsible subject (考核主体/责任主体) names: a unit by its name or short
 * name, or a section by its department's name followed by its own ("市司法局" + "依法行政指导科"). A
 * name two units share matches neither: the office decides.
 */
public final class AssessorMatcher {

    private final Map<String, Long> byName = new HashMap<>();
    private final Set<String> ambiguous = new HashSet<>();

    public AssessorMatcher(List<UnitView> units) {
        Map<Long, UnitView> byId = new HashMap<>();
        units.forEach(u -> byId.put(u.id(), u));
        for (UnitView u : units) {
            add(u.name(), u.id());
            add(u.shortName(), u.id());
            UnitView parent = u.parentId() == null ? null : byId.get(u.parentId());
            if (parent != null) {
                add(join(parent.name(), u.name()), u.id());
                add(join(parent.shortName(), u.name()), u.id());
                add(join(parent.name(), u.shortName()), u.id());
            }
        }
    }

    private static String join(String a, String b) {
        return a == null || b == null || a.isBlank() || b.isBlank() ? null : a + b;
    }

    private void add(String name, long id) {
        String key = key(name);
        if (key.isEmpty()) {
            return;
        }
        Long existing = byName.putIfAbsent(key, id);
        if (existing != null && existing != id) {
            ambiguous.add(key);
        }
    }

    static String key(String name) {
        return name == null ? "" : name.replaceAll("[\\s\\u3000]", "");
    }

    public Optional<Long> match(String printed) {
        String key = key(printed);
        if (key.isEmpty() || ambiguous.contains(key)) {
            return Optional.empty();
        }
        return Optional.ofNullable(byName.get(key));
    }
}
