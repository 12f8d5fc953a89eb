package org.dudao.indicator;

import java.util.Comparator;
import org.dudao.indicator.domain.IndicatorService;
import org.dudao.indicator.domain.IndicatorStore;
import org.dudao.shared.error.NotFoundException;
import org.dudao.shared.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The indicator module's facade for other modules. */
@Service
public class IndicatorApi {

    private final IndicatorService service;
    private final IndicatorStore store;

    IndicatorApi(IndicatorService service, IndicatorStore store) {
        this.service = service;
        this.store = store;
    }

    /**
     * The newest published version of a built-in system in the user's jurisdiction; the built-in
     * system is loaded there first when the jurisdiction does not have it yet.
     */
    @Transactional
    public IndicatorTree builtinTree(String builtinCode, CurrentUser user) {
        IndicatorSystemView system = store.list(user.jurisdictionUnitId()).stream()
                .filter(s -> builtinCode.equals(s.builtinCode()) && s.status() == SystemStatus.PUBLISHED)
                .max(Comparator.comparingInt(IndicatorSystemView::version))
                .orElseGet(() -> service.loadBuiltin(builtinCode, user));
        return new IndicatorTree(system, store.loadRoots(system.id()));
    }

    /** A system with its tree, without a scope check (callers check their own scope). */
    @Transactional(readOnly = true)
    public IndicatorTree tree(long systemId) {
        IndicatorSystemView system =
                store.find(systemId).orElseThrow(() -> new NotFoundException("indicator-system", systemId));
        return new IndicatorTree(system, store.loadRoots(systemId));
    }
}
