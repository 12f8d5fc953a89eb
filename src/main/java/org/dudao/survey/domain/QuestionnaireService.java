package org.dudao.survey.domain;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.CampaignView;
import org.dudao.campaign.TargetView;
import org.dudao.shared.audit.AuditEvent;
import org.dudao.shared.db.DatabaseTime;
import org.dudao.shared.error.ConflictException;
import org.dudao.shared.error.InvalidInputException;
import org.dudao.shared.error.NotFoundException;
import org.dudao.shared.security.CurrentUser;
import org.dudao.shared.time.ClockConfiguration;
import org.dudao.survey.LinkView;
import org.dudao.survey.QuestionnaireCommand;
import org.dudao.survey.QuestionnaireStatus;
import org.dudao.survey.QuestionnaireView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The office's questionnaires: a draft changes freely; publishing freezes it and creates one public
 * link (an unguessable token) per target; a published or closed questionnaire never changes again (it
 * is copied to a new draft instead). The office of the campaign writes; the office and leaders read;
 * anyone else gets an audited 404.
 */
@Service
@Transactional
public class QuestionnaireService {

    static final String TYPE = "survey-questionnaire";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SurveyStore store;
    private final CampaignApi campaigns;
    private final DatabaseTime time;
    private final ApplicationEventPublisher events;

    QuestionnaireService(
            SurveyStore store, CampaignApi campaigns, DatabaseTime time, ApplicationEventPublisher events) {
        this.store = store;
        this.campaigns = campaigns;
        this.time = time;
        this.events = events;
    }

    // ------------------------------------------------------------------ access

    /** The campaign, if the caller may read its questionnaires (its office, its leaders); 404 otherwise. */
    @Transactional(readOnly = true)
    public CampaignView readable(long campaignId, CurrentUser user) {
        CampaignView c = campaigns.visible(campaignId, user);
        if (campaigns.isOffice(c, user) || (user.hasRole("LEADER") && c.ownerUnitId() == user.jurisdictionUnitId())) {
            return c;
        }
        events.publishEvent(AuditEvent.denied("survey.questionnaire.read", "campaign", campaignId, "not office"));
        throw new NotFoundException("campaign", campaignId);
    }

    /** The questionnaire, if the caller may read it; 404 (audited) otherwise. */
    @Transactional(readOnly = true)
    public QuestionnaireView get(long id, CurrentUser user) {
        QuestionnaireView q = store.find(id).orElseThrow(() -> new NotFoundException(TYPE, id));
        try {
            readable(q.campaignId(), user);
        } catch (NotFoundException e) {
            throw new NotFoundException(TYPE, id);
        }
        return q;
    }

    /** The questionnaire locked for a change by the campaign's office; 404 (audited) otherwise. */
    QuestionnaireView managed(long id, CurrentUser user) {
        QuestionnaireView q = store.lock(id).orElseThrow(() -> new NotFoundException(TYPE, id));
        try {
            campaigns.managed(q.campaignId(), user);
        } catch (NotFoundException e) {
            throw new NotFoundException(TYPE, id);
        }
        return q;
    }

    @Transactional(readOnly = true)
    public List<QuestionnaireView> list(long campaignId, CurrentUser user) {
        readable(campaignId, user);
        return store.ofCampaign(campaignId);
    }

    // ------------------------------------------------------------------ changes

    public QuestionnaireView create(long campaignId, QuestionnaireCommand command, CurrentUser user) {
        campaigns.managed(campaignId, user);
        Checked c = Checked.of(command);
        long id = store.insert(campaignId, c, null, user.username());
        QuestionnaireView q = store.find(id).orElseThrow();
        events.publishEvent(AuditEvent.success("survey.questionnaire.create", TYPE, id, null, snapshot(q)));
        return q;
    }

    /** Replaces a draft's header and questions; a published questionnaire is immutable (409). */
    public QuestionnaireView update(long id, QuestionnaireCommand command, CurrentUser user) {
        QuestionnaireView before = managed(id, user);
        requireDraft(before);
        Checked c = Checked.of(command);
        store.replace(id, c, user.username());
        QuestionnaireView after = store.find(id).orElseThrow();
        events.publishEvent(
                AuditEvent.success("survey.questionnaire.update", TYPE, id, snapshot(before), snapshot(after)));
        return after;
    }

    /**
     * Publishes a draft for the given targets of its campaign (every target when none is given): one
     * public link each. Needs at least one question and an end date not in the past.
     */
    public QuestionnaireView publish(long id, Collection<Long> targetIds, CurrentUser user) {
        QuestionnaireView q = managed(id, user);
        requireDraft(q);
        if (q.questions().isEmpty()) {
            throw new InvalidInputException("questions", "survey.publish.noQuestion");
        }
        Instant now = time.now();
        LocalDate today = LocalDate.ofInstant(now, ClockConfiguration.ZONE);
        if (q.closesOn() != null && q.closesOn().isBefore(today)) {
            throw new InvalidInputException(
                    "closesOn", "survey.publish.closesInPast", q.closesOn().toString());
        }
        Map<Long, TargetView> targets = campaigns.targets(q.campaignId()).stream()
                .collect(Collectors.toMap(TargetView::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        List<Long> chosen = targetIds == null || targetIds.isEmpty()
                ? new ArrayList<>(targets.keySet())
                : List.copyOf(Set.copyOf(targetIds));
        if (chosen.isEmpty()) {
            throw new InvalidInputException("targetIds", "survey.publish.noTarget");
        }
        for (Long t : chosen) {
            if (!targets.containsKey(t)) {
                throw new InvalidInputException("targetIds", "survey.publish.unknownTarget", t);
            }
        }
        for (Long t : chosen) {
            store.insertLink(id, t, newToken());
        }
        store.setStatus(id, QuestionnaireStatus.PUBLISHED, now, user.username());
        events.publishEvent(AuditEvent.success(
                "survey.questionnaire.publish",
                TYPE,
                id,
                Map.of("status", "DRAFT"),
                Map.of("status", "PUBLISHED", "targets", chosen.size())));
        return store.find(id).orElseThrow();
    }

    /** Ends a published questionnaire early: its links answer "closed" from now on. */
    public QuestionnaireView close(long id, CurrentUser user) {
        QuestionnaireView q = managed(id, user);
        if (q.status() != QuestionnaireStatus.PUBLISHED) {
            throw new ConflictException(null, "survey.close.notPublished");
        }
        store.setStatus(id, QuestionnaireStatus.CLOSED, time.now(), user.username());
        events.publishEvent(AuditEvent.success(
                "survey.questionnaire.close", TYPE, id, Map.of("status", "PUBLISHED"), Map.of("status", "CLOSED")));
        return store.find(id).orElseThrow();
    }

    /** A new draft holding the same questions (the way to change a published questionnaire). */
    public QuestionnaireView copy(long id, CurrentUser user) {
        QuestionnaireView src = managed(id, user);
        QuestionnaireCommand cmd = Checked.commandOf(src);
        LocalDate today = LocalDate.ofInstant(time.now(), ClockConfiguration.ZONE);
        if (cmd.closesOn() != null && cmd.closesOn().isBefore(today)) {
            cmd = new QuestionnaireCommand(cmd.title(), cmd.intro(), null, cmd.minResponses(), cmd.questions());
        }
        long copy = store.insert(src.campaignId(), Checked.of(cmd), id, user.username());
        QuestionnaireView q = store.find(copy).orElseThrow();
        events.publishEvent(
                AuditEvent.success("survey.questionnaire.copy", TYPE, copy, Map.of("copiedFrom", id), snapshot(q)));
        return q;
    }

    static void requireDraft(QuestionnaireView q) {
        if (!q.draft()) {
            throw new ConflictException(null, "survey.published.immutable");
        }
    }

    // ------------------------------------------------------------------ links

    @Transactional(readOnly = true)
    public List<LinkView> links(long id, CurrentUser user) {
        QuestionnaireView q = get(id, user);
        return links(q);
    }

    List<LinkView> links(QuestionnaireView q) {
        Map<Long, String> names =
                campaigns.targets(q.campaignId()).stream().collect(Collectors.toMap(TargetView::id, TargetView::name));
        Map<Long, Long> counts = store.responseCounts(q.id());
        return store.links(q.id()).stream()
                .map(l -> new LinkView(
                        l.id(),
                        q.id(),
                        l.targetId(),
                        names.get(l.targetId()),
                        l.token(),
                        counts.getOrDefault(l.id(), 0L)))
                .toList();
    }

    /** Whether answers are accepted now: published and the end day not yet over (24:00 Asia/Shanghai). */
    public static boolean open(QuestionnaireView q, Instant now) {
        if (q.status() != QuestionnaireStatus.PUBLISHED) {
            return false;
        }
        return q.closesOn() == null
                || now.isBefore(q.closesOn()
                        .plusDays(1)
                        .atStartOfDay(ClockConfiguration.ZONE)
                        .toInstant());
    }

    static String newToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static Map<String, Object> snapshot(QuestionnaireView q) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", q.title());
        m.put("status", q.status().name());
        m.put("closesOn", q.closesOn() == null ? null : q.closesOn().toString());
        m.put("minResponses", q.minResponses());
        m.put("questions", q.questions().size());
        return m;
    }
}
