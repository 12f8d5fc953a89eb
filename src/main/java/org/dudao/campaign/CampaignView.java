package org.dudao.campaign;

import java.time.Instant;

/** A campaign's header. */
public record CampaignView(
        long id,
        CampaignKind kind,
        int year,
        String name,
        String documentNo,
        String templateCode,
        Long basedOnId,
        long ownerUnitId,
        String status,
        Instant createdAt) {}
