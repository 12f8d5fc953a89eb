package org.dudao.indicator;

import java.util.List;

/** The metadata of a system to create (from a built-in, an import or a clone). */
public record NewSystem(
        String code,
        String name,
        Integer year,
        String documentNo,
        SystemKind kind,
        String source,
        List<String> categories,
        String builtinCode) {}
