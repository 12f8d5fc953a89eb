package org.dudao.indicator;

import java.time.Instant;
import java.util.List;

/** An indicator system's metadata (without its tree). */
public record IndicatorSystemView(
        long id,
        String code,
        String name,
        Integer year,
        String documentNo,
        SystemKind kind,
        String source,
        List<String> categories,
        int version,
        SystemStatus status,
        Long basedOnId,
        long ownerUnitId,
        String builtinCode,
        Instant createdAt) {}
