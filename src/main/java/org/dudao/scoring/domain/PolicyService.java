package org.dudao.scoring.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.CategoryView;
import org.dudao.scoring.WorkflowView;
import org.dudao.scoring.engine.Grade;
import org.dudao.shared.audit.AuditEvent;
import org.dudao.shared.error.ConflictException;
import org.dudao.shared.error.InvalidInputException;
import org.dudao.shared.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The scoring policy of each campaign: stored when the office changed it, otherwise the preset the
 * campaign's settings name (PDS-2020 when none). Changes are refused once the results are approved.
 */
@Service
public class PolicyService {

    static final String TYPE = "scoring-policy";
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final CampaignApi campaigns;
    private final ResultStore results;
    private final ApplicationEventPublisher events;

    PolicyService(
            JdbcClient jdbc,
            ObjectMapper json,
            CampaignApi campaigns,
            ResultStore results,
            ApplicationEventPublisher events) {
        this.results = results;
        this.jdbc = jdbc;
        this.json = json;
        this.campaigns = campaigns;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public CampaignPolicy policy(long campaignId) {
        return jdbc.sql("select policy from scoring_policy where campaign_id = ?")
                .param(campaignId)
                .query(String.class)
                .optional()
                .map(this::read)
                .orElseGet(() -> CampaignPolicy.preset(presetOf(campaignId)));
    }

    private String presetOf(long campaignId) {
        try {
            JsonNode settings = json.readTree(campaigns.settings(campaignId));
            JsonNode preset = settings == null ? null : settings.get("preset");
            return preset == null ? "PDS-2020" : preset.asText();
        } catch (JsonProcessingException e) {
            return "PDS-2020";
        }
    }

    /**
     * Replaces the policy with the fields given; fields left out keep their current value (so a client
     * that knows only the contract's fields does not erase the extensions).
     */
    @Transactional
    public CampaignPolicy put(long campaignId, JsonNode body, CurrentUser user) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException(null, "error.unreadable");
        }
        ObjectNode merged = json.valueToTree(policy(campaignId));
        merged.setAll((ObjectNode) body);
        CampaignPolicy policy;
        try {
            policy = json.treeToValue(merged, CampaignPolicy.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidInputException(null, "error.unreadable");
        }
        return put(campaignId, policy, user);
    }

    @Transactional
    public CampaignPolicy put(long campaignId, CampaignPolicy policy, CurrentUser user) {
        // locked, so that an approval committing at the same moment cannot slip past the check
        if (results.lockWorkflow(campaignId).map(WorkflowView::frozen).orElse(false)) {
            throw new ConflictException(null, "scoring.policy.frozen");
        }
        validate(policy, campaigns.categories(campaignId));
        CampaignPolicy before = policy(campaignId);
        jdbc.sql(
                        "insert into scoring_policy (campaign_id, preset, policy, updated_by) values (?, ?, cast(? as jsonb), ?)"
                                + " on conflict (campaign_id) do update set preset = excluded.preset, policy = excluded.policy,"
                                + " updated_at = now(), updated_by = excluded.updated_by,"
                                + " row_version = scoring_policy.row_version + 1")
                .params(campaignId, policy.preset(), write(policy), user.username())
                .update();
        if (!before.equals(policy)) {
            // results computed under the old rules must be recomputed before they can be proposed
            results.markStale(campaignId);
        }
        events.publishEvent(AuditEvent.success("scoring.policy.update", TYPE, campaignId, before, policy));
        return policy;
    }

    static void validate(CampaignPolicy p, List<CategoryView> categories) {
        if (p.gradePercent() == null) {
            throw new InvalidInputException("gradePercent", "scoring.policy.grades");
        }
        BigDecimal previous = null;
        for (Grade g : Grade.values()) {
            BigDecimal v = p.gradePercent().get(g.name());
            if (v == null || v.signum() < 0 || v.compareTo(HUNDRED) > 0) {
                throw new InvalidInputException("gradePercent", "scoring.policy.grades");
            }
            if (previous != null && v.compareTo(previous) > 0) {
                throw new InvalidInputException("gradePercent", "scoring.policy.gradeOrder");
            }
            previous = v;
        }
        if (p.gradePercent().size() != Grade.values().length) {
            throw new InvalidInputException("gradePercent", "scoring.policy.grades");
        }
        nonNegative("bonusCap", p.bonusCap());
        nonNegative("penaltyCap", p.penaltyCap());
        nonNegative("bonusPoints", p.bonusPoints());
        nonNegative("penaltyMin", p.penaltyMin());
        nonNegative("penaltyMax", p.penaltyMax());
        if (p.penaltyMin() != null && p.penaltyMax() != null && p.penaltyMin().compareTo(p.penaltyMax()) > 0) {
            throw new InvalidInputException("penaltyMin", "scoring.policy.penaltyRange");
        }
        if (p.levels() == null || p.levels().isEmpty()) {
            throw new InvalidInputException("levels", "scoring.policy.levels");
        }
        Set<String> names = new HashSet<>();
        BigDecimal min = null;
        for (CampaignPolicy.Level l : p.levels()) {
            if (l.name() == null || l.name().isBlank() || !names.add(l.name().strip())) {
                throw new InvalidInputException("levels", "scoring.policy.levelNames");
            }
            if (l.minScore() != null) {
                if (min != null && l.minScore().compareTo(min) > 0) {
                    throw new InvalidInputException("levels", "scoring.policy.levelOrder");
                }
                min = l.minScore();
            }
            if (l.quotaPercent() != null
                    && (l.quotaPercent().signum() < 0 || l.quotaPercent().compareTo(HUNDRED) > 0)) {
                throw new InvalidInputException("levels", "scoring.policy.quota");
            }
        }
        if (p.bottomN() < 0) {
            throw new InvalidInputException("bottomN", "scoring.policy.bottomN");
        }
        if (p.consecutiveExcellenceYears() < 0) {
            throw new InvalidInputException("consecutiveExcellenceYears", "scoring.policy.consecutiveYears");
        }
        if (p.excellentLevel() != null && !names.contains(p.excellentLevel())) {
            throw new InvalidInputException("excellentLevel", "scoring.policy.excellentLevel", p.excellentLevel());
        }
        if (p.rankedCategories() != null && !categories.isEmpty()) {
            Set<String> known = categories.stream().map(CategoryView::name).collect(Collectors.toSet());
            for (String c : p.rankedCategories()) {
                if (!known.contains(c)) {
                    throw new InvalidInputException("rankedCategories", "scoring.policy.unknownCategory", c);
                }
            }
        }
        if (p.components() != null && !p.components().isEmpty()) {
            BigDecimal sum = BigDecimal.ZERO;
            Set<String> codes = new HashSet<>();
            for (CampaignPolicy.ComponentRule c : p.components()) {
                if (c.code() == null
                        || c.code().isBlank()
                        || !codes.add(c.code())
                        || c.weight() == null
                        || c.weight().signum() <= 0) {
                    throw new InvalidInputException("components", "scoring.policy.components");
                }
                sum = sum.add(c.weight());
            }
            if (sum.compareTo(HUNDRED) != 0) {
                throw new InvalidInputException("components", "scoring.policy.componentSum", sum.toPlainString());
            }
        }
    }

    private static void nonNegative(String field, BigDecimal v) {
        if (v != null && v.signum() < 0) {
            throw new InvalidInputException(field, "scoring.policy.negative");
        }
    }

    private CampaignPolicy read(String s) {
        try {
            return json.readValue(s, CampaignPolicy.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored policy unreadable", e);
        }
    }

    private String write(CampaignPolicy p) {
        try {
            return json.writeValueAsString(p);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
