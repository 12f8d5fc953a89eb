package org.dudao.evaluation.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.CampaignView;
import org.dudao.campaign.TargetView;
import org.dudao.campaign.TaskView;
import org.dudao.evaluation.Channel;
import org.dudao.evaluation.EvaluationCommand;
import org.dudao.evaluation.EvaluationView;
import org.dudao.evaluation.Grade;
import org.dudao.evaluation.RowResult;
import org.dudao.evidence.AttachmentView;
import org.dudao.evidence.EvidenceApi;
import org.dudao.shared.audit.AuditEvent;
import org.dudao.shared.db.DatabaseTime;
import org.dudao.shared.error.ConflictException;
import org.dudao.shared.error.InvalidInputException;
import org.dudao.shared.error.NotFoundException;
import org.dudao.shared.error.Texts;
import org.dudao.shared.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * 实地考核: what an inspection team records on a phone during a visit to a target — the team, the time,
 * per on-site task a grade or points with the reason, a note and photos — synced whenever the phone is
 * online again. The grades go through {@link EvaluationService#apply} (channel ONSITE: history, audit,
 * the lock and the evaluation phase apply as everywhere); the visit keeps the team, the notes and the
 * first answer, so a phone that retries with the same client id after a dropped connection gets that
 * answer back and nothing is written twice. Only the raters of on-site tasks (an inspector of the
 * campaign's jurisdiction, the office, a task's own assessor) see any of it; others get 404, audited.
 */
@Service
public class OnsiteVisits {

    /** The evidence attachments' owner kind for a visit's photos (owner id: the visit id). */
    public static final String OWNER_KIND = "evaluation-onsite";

    static final String TYPE = "evaluation-onsite-visit";
    /** Needed to record visits and photos (as for every other way of rating). */
    public static final String WRITE = "evaluation:grade:write";

    /** Needed to read the on-site sheet and the visits. */
    public static final String READ = "evaluation:grade:read";

    static final int TEAM_MAX = 30;
    static final int NAME_MAX = 50;
    static final int NOTE_MAX = 2000;
    static final int ITEMS_MAX = 500;
    static final Set<String> IMAGE_TYPES = Set.of("JPG", "PNG");

    private static final TypeReference<List<RowResult>> ROWS = new TypeReference<>() {};
    private static final TypeReference<List<Map<String, Object>>> ITEMS = new TypeReference<>() {};
    private static final TypeReference<Map<String, String>> NOTES = new TypeReference<>() {};

    private final CampaignApi campaigns;
    private final EvaluationService evaluations;
    private final EvaluationStore store;
    private final OnsiteStore visits;
    private final EvidenceApi evidence;
    private final DatabaseTime time;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final ObjectMapper json;

    OnsiteVisits(
            CampaignApi campaigns,
            EvaluationService evaluations,
            EvaluationStore store,
            OnsiteStore visits,
            EvidenceApi evidence,
            DatabaseTime time,
            ApplicationEventPublisher events,
            MessageSource messages,
            ObjectMapper json) {
        this.campaigns = campaigns;
        this.evaluations = evaluations;
        this.store = store;
        this.visits = visits;
        this.evidence = evidence;
        this.time = time;
        this.events = events;
        this.messages = messages;
        this.json = json;
    }

    /** One item of a visit: a rating (exactly one of grade, points, not applicable) and/or a note. */
    public record Item(
            Long taskId, String grade, BigDecimal points, Boolean notApplicable, String reason, String note) {

        boolean rated() {
            return (grade != null && !grade.isBlank()) || points != null || Boolean.TRUE.equals(notApplicable);
        }
    }

    /**
     * A visit as the phone sends it.
     *
     * @param clientId the phone's UUID for the visit: sending it again returns the first answer
     * @param teamMembers 考核组成员, the leader (组长) first; at least one name
     * @param visitedAt the time on the phone when the visit was saved
     */
    public record VisitCommand(
            String clientId, Long targetId, List<String> teamMembers, Instant visitedAt, List<Item> items) {}

    /**
     * The answer to a visit: applied (the visit and every rating stored) or not (nothing stored); one
     * row per item, in the order sent (status NOTED for an item with a note and no rating).
     *
     * @param replayed true when the client id had been synced before: this is the first answer again
     */
    public record Answer(
            boolean applied, boolean replayed, Long visitId, String clientId, String message, List<RowResult> rows) {}

    public record TaskItem(
            long id,
            long categoryId,
            String category,
            List<String> path,
            String title,
            BigDecimal points,
            String requirement,
            List<String> materials) {}

    public record TargetItem(long id, String name, long categoryId, String category) {}

    /** The current evaluation of a (target, on-site task), for the phone to show before rating. */
    public record Current(
            long targetId,
            long taskId,
            String grade,
            String gradeLabel,
            BigDecimal points,
            boolean notApplicable,
            String reason,
            String channel,
            String evaluatedByName,
            Instant evaluatedAt) {}

    /** The caller's on-site tasks × their targets with the current values: what the phone caches. */
    public record Sheet(
            long campaignId,
            String campaignName,
            LocalDate closesOn,
            boolean locked,
            List<TargetItem> targets,
            List<TaskItem> tasks,
            List<Current> current,
            Instant generatedAt) {}

    public record PhotoView(
            long id, Long taskId, String name, String sha256, String contentType, long size, Instant uploadedAt) {}

    public record VisitView(
            long id,
            String clientId,
            long targetId,
            String targetName,
            List<String> teamMembers,
            Instant visitedAt,
            Map<String, String> notes,
            List<Map<String, Object>> items,
            List<RowResult> rows,
            String syncedBy,
            String syncedByName,
            Instant syncedAt,
            List<PhotoView> photos) {}

    // ---------------------------------------------------------------------------------------------
    // access

    /** The campaign's tasks rated on site (考核方式 includes 实地考核) that the caller may rate. */
    public List<TaskView> onsiteTasks(CampaignView campaign, CurrentUser user) {
        return campaigns.tasks(campaign.id()).stream()
                .filter(t -> t.methods().contains(EvaluationService.ONSITE))
                .filter(t -> evaluations.raterFor(campaign, t, user) != null)
                .toList();
    }

    /**
     * The campaign if the caller holds {@code permission} and may rate at least one of its on-site tasks;
     * 404 and a DENIED audit record otherwise.
     */
    public CampaignView campaignFor(long campaignId, CurrentUser user, String permission) {
        CampaignView campaign = campaigns.campaign(campaignId);
        if (!user.permissions().contains(permission)
                || onsiteTasks(campaign, user).isEmpty()) {
            events.publishEvent(AuditEvent.denied(
                    permission.equals(WRITE) ? "evaluation.onsite.write" : "evaluation.onsite.read",
                    TYPE,
                    campaignId,
                    "not a rater of the campaign's on-site tasks"));
            throw new NotFoundException("campaign", campaignId);
        }
        return campaign;
    }

    // ---------------------------------------------------------------------------------------------
    // reading

    @Transactional(readOnly = true)
    public Sheet sheet(long campaignId, CurrentUser user) {
        CampaignView campaign = campaignFor(campaignId, user, READ);
        List<TaskView> tasks = onsiteTasks(campaign, user);
        Set<Long> categories = tasks.stream().map(TaskView::categoryId).collect(Collectors.toSet());
        List<TargetItem> targets = campaigns.targets(campaignId).stream()
                .filter(t -> categories.contains(t.categoryId()))
                .map(t -> new TargetItem(t.id(), t.name(), t.categoryId(), t.category()))
                .toList();
        List<Current> current = store.ofTasks(tasks.stream().map(TaskView::id).toList()).stream()
                .map(OnsiteVisits::current)
                .toList();
        return new Sheet(
                campaignId,
                campaign.name(),
                evaluations.closesOn(campaignId),
                store.lockedAt(campaignId).isPresent(),
                targets,
                tasks.stream()
                        .map(t -> new TaskItem(
                                t.id(),
                                t.categoryId(),
                                t.category(),
                                t.path(),
                                t.title(),
                                t.points(),
                                t.requirement(),
                                t.materials()))
                        .toList(),
                current,
                time.now());
    }

    private static Current current(EvaluationView e) {
        return new Current(
                e.targetId(),
                e.taskId(),
                e.grade() == null ? null : e.grade().name(),
                e.grade() == null ? null : e.grade().label(),
                e.points(),
                e.notApplicable(),
                e.reason(),
                e.method(),
                e.evaluatedByName(),
                e.evaluatedAt());
    }

    @Transactional(readOnly = true)
    public List<VisitView> visits(long campaignId, Long targetId, CurrentUser user) {
        CampaignView campaign = campaignFor(campaignId, user, READ);
        Map<Long, String> targetNames =
                campaigns.targets(campaignId).stream().collect(Collectors.toMap(TargetView::id, TargetView::name));
        List<OnsiteStore.Visit> found = visits.ofCampaign(campaignId, targetId).stream()
                .filter(v -> seesVisit(campaign, v, user))
                .toList();
        List<Long> ids = found.stream().map(OnsiteStore.Visit::id).toList();
        Map<Long, List<AttachmentView>> attachments = evidence.attachments(OWNER_KIND, ids);
        Map<Long, OnsiteStore.Photo> photoInfo = visits.photos(ids).stream()
                .collect(Collectors.toMap(OnsiteStore.Photo::attachmentId, Function.identity()));
        List<VisitView> out = new ArrayList<>();
        for (OnsiteStore.Visit v : found) {
            List<PhotoView> photos = attachments.getOrDefault(v.id(), List.of()).stream()
                    .map(a -> photo(a, photoInfo.get(a.id())))
                    .toList();
            out.add(new VisitView(
                    v.id(),
                    v.clientId().toString(),
                    v.targetId(),
                    targetNames.get(v.targetId()),
                    v.teamMembers(),
                    v.visitedAt(),
                    read(v.notes(), NOTES),
                    read(v.items(), ITEMS),
                    read(v.answer(), ROWS),
                    v.syncedBy(),
                    v.syncedByName(),
                    v.syncedAt(),
                    photos));
        }
        return out;
    }

    private static PhotoView photo(AttachmentView a, OnsiteStore.Photo info) {
        return new PhotoView(
                a.id(),
                info == null ? null : info.taskId(),
                a.displayName(),
                a.sha256(),
                a.contentType(),
                a.size(),
                a.uploadedAt());
    }

    /** A photo of a visit of the campaign, opened for reading (the download is audited by evidence). */
    @Transactional(readOnly = true)
    public EvidenceApi.OpenedAttachment openPhoto(long campaignId, long visitId, long photoId, CurrentUser user) {
        CampaignView campaign = campaignFor(campaignId, user, READ);
        visitOf(campaign, visitId, user);
        AttachmentView a = evidence.attachment(photoId)
                .filter(x -> OWNER_KIND.equals(x.ownerKind()) && x.ownerId() == visitId)
                .orElseThrow(() -> new NotFoundException("evidence-file", photoId));
        return evidence.open(a, user);
    }

    /**
     * A visit of the campaign that the caller may see: the office and the inspection team see every visit;
     * an assessor that rates some on-site tasks itself sees the visits it synced (their notes and photos may
     * concern other units' tasks). Others get 404, audited.
     */
    private OnsiteStore.Visit visitOf(CampaignView campaign, long visitId, CurrentUser user) {
        return visits.find(visitId)
                .filter(v -> v.campaignId() == campaign.id() && seesVisit(campaign, v, user))
                .orElseThrow(() -> {
                    events.publishEvent(
                            AuditEvent.denied("evaluation.onsite.read", TYPE, visitId, "not the caller's visit"));
                    return new NotFoundException(TYPE, visitId);
                });
    }

    private boolean seesVisit(CampaignView campaign, OnsiteStore.Visit v, CurrentUser user) {
        return campaigns.isOffice(campaign, user)
                || user.hasRole("INSPECTOR")
                || user.username().equals(v.syncedBy());
    }

    // ---------------------------------------------------------------------------------------------
    // writing

    /**
     * Records a visit and its ratings, all or nothing. A client id seen before returns the answer given
     * then and writes nothing. Items are checked first (task of the campaign, on-site, of the target's
     * category, rated by the caller — any task the caller may not rate makes the whole visit 404 —, note
     * length), then the ratings by {@link EvaluationService#apply}; any row error stores nothing.
     */
    @Transactional
    public Answer record(long campaignId, VisitCommand cmd, CurrentUser user) {
        CampaignView campaign = campaignFor(campaignId, user, WRITE);
        UUID clientId = uuid("clientId", cmd.clientId(), true);
        Optional<OnsiteStore.Visit> prior = visits.byClientId(clientId);
        if (prior.isPresent()) {
            return replay(prior.get(), campaignId, user);
        }
        if (cmd.targetId() == null) {
            throw new InvalidInputException("targetId", "evaluation.targetRequired");
        }
        TargetView target = campaigns
                .target(cmd.targetId())
                .filter(t -> t.campaignId() == campaignId)
                .orElseThrow(() -> new InvalidInputException("targetId", "evaluation.noSuchTarget", cmd.targetId()));
        List<String> team = team(cmd.teamMembers());
        if (cmd.visitedAt() == null) {
            throw new InvalidInputException("visitedAt", "evaluation.onsite.visitedAtRequired");
        }
        List<Item> items = cmd.items() == null ? List.of() : cmd.items();
        if (items.isEmpty()) {
            throw new InvalidInputException("items", "evaluation.onsite.noItems");
        }
        if (items.size() > ITEMS_MAX) {
            throw new InvalidInputException("items", "evaluation.batchTooLarge", ITEMS_MAX);
        }

        // the visit's own checks, row by row; the right to rate each task before anything else
        Map<Long, TaskView> tasks =
                campaigns.tasks(campaignId).stream().collect(Collectors.toMap(TaskView::id, Function.identity()));
        Set<Long> denied = new LinkedHashSet<>();
        for (Item it : items) {
            TaskView task = it == null || it.taskId() == null ? null : tasks.get(it.taskId());
            if (task != null && evaluations.raterFor(campaign, task, user) == null) {
                denied.add(task.id());
            }
        }
        if (!denied.isEmpty()) {
            events.publishEvent(AuditEvent.denied(
                    "evaluation.onsite.write", TYPE, campaignId + "/" + denied, "task not rated by the caller"));
            throw new NotFoundException("campaign-task", denied.iterator().next());
        }
        RowResult[] results = new RowResult[items.size()];
        Map<String, String> notes = new LinkedHashMap<>();
        List<EvaluationCommand> rows = new ArrayList<>();
        List<Integer> rowIndex = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i) == null ? new Item(null, null, null, null, null, null) : items.get(i);
            try {
                String note = checkItem(it, tasks, target, seen);
                if (note != null) {
                    notes.put(String.valueOf(it.taskId()), note);
                }
                if (it.rated()) {
                    rows.add(new EvaluationCommand(
                            target.id(), it.taskId(), it.grade(), it.points(), it.notApplicable(), it.reason(), null));
                    rowIndex.add(i);
                } else {
                    results[i] = new RowResult(i, target.id(), it.taskId(), "NOTED", null, null, null);
                }
            } catch (InvalidInputException e) {
                results[i] = new RowResult(
                        i, target.id(), it.taskId(), "ERROR", message(e.messageKey(), e.args()), e.field(), null);
            }
        }
        boolean itemErrors = Arrays.stream(results).anyMatch(r -> r != null && r.failed());
        Instant now = time.now();
        Long visitId = null;
        if (!itemErrors) {
            Optional<Long> inserted = visits.insert(
                    campaignId,
                    target.id(),
                    clientId,
                    team,
                    cmd.visitedAt(),
                    notes,
                    user.username(),
                    user.displayName(),
                    now);
            if (inserted.isEmpty()) {
                // the same visit arrived twice at once: the other request stored it first
                return replay(visits.byClientId(clientId).orElseThrow(), campaignId, user);
            }
            visitId = inserted.get();
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        if (visitId != null) {
            detail.put("visitId", visitId);
        }
        detail.put("team", team);
        detail.put("visitedAt", cmd.visitedAt().toString());
        // with item errors the ratings are still checked (dry run) so that every error shows at once
        List<RowResult> applied = evaluations.apply(campaignId, rows, user, Channel.ONSITE, itemErrors, null, detail);
        for (int k = 0; k < applied.size(); k++) {
            int i = rowIndex.get(k);
            RowResult r = applied.get(k);
            if (results[i] == null) {
                results[i] = new RowResult(i, r.targetId(), r.taskId(), r.status(), r.error(), r.field(), r.score());
            }
        }
        List<RowResult> answerRows = List.of(results);
        long failed = answerRows.stream().filter(RowResult::failed).count();
        if (failed > 0) {
            if (visitId != null) {
                TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            }
            return new Answer(
                    false, false, null, clientId.toString(), message("evaluation.onsite.refused", failed), answerRows);
        }
        List<Map<String, Object>> sent = new ArrayList<>();
        for (EvaluationCommand r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("taskId", r.taskId());
            Grade g = Grade.parseOrNull(r.grade());
            m.put("grade", g == null ? null : g.name());
            m.put("points", r.points());
            m.put("notApplicable", Boolean.TRUE.equals(r.notApplicable()));
            m.put("reason", r.reason());
            sent.add(m);
        }
        visits.answered(visitId, sent, answerRows);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("clientId", clientId.toString());
        after.put("targetId", target.id());
        after.put("team", team);
        after.put("visitedAt", cmd.visitedAt().toString());
        after.put("ratings", rows.size());
        after.put("notes", notes.size());
        events.publishEvent(AuditEvent.success("evaluation.onsite.visit", TYPE, visitId, null, after));
        return new Answer(true, false, visitId, clientId.toString(), null, answerRows);
    }

    private Answer replay(OnsiteStore.Visit v, long campaignId, CurrentUser user) {
        if (v.campaignId() != campaignId || !v.syncedBy().equals(user.username())) {
            throw new ConflictException("clientId", "evaluation.onsite.clientIdTaken");
        }
        return new Answer(true, true, v.id(), v.clientId().toString(), null, read(v.answer(), ROWS));
    }

    /** The item's own checks; returns its note (trimmed, null when blank). */
    private static String checkItem(Item it, Map<Long, TaskView> tasks, TargetView target, Set<Long> seen) {
        if (it.taskId() == null) {
            throw new InvalidInputException("taskId", "evaluation.taskRequired");
        }
        TaskView task = tasks.get(it.taskId());
        if (task == null) {
            throw new InvalidInputException("taskId", "evaluation.noSuchTask", it.taskId());
        }
        if (!task.methods().contains(EvaluationService.ONSITE)) {
            throw new InvalidInputException("taskId", "evaluation.onsite.notOnsiteTask", task.title());
        }
        if (task.categoryId() != target.categoryId()) {
            throw new InvalidInputException("taskId", "evaluation.taskNotOfTarget", task.title(), target.name());
        }
        if (!seen.add(task.id())) {
            throw new InvalidInputException("taskId", "evaluation.duplicateRow");
        }
        String note = Texts.multiline("note", it.note(), NOTE_MAX);
        if (note == null && !it.rated()) {
            throw new InvalidInputException("grade", "evaluation.onsite.emptyItem");
        }
        return note;
    }

    private static List<String> team(List<String> given) {
        List<String> team = new ArrayList<>();
        if (given != null) {
            for (String name : given) {
                String n = Texts.optional("teamMembers", name, NAME_MAX);
                if (n != null && !team.contains(n)) {
                    team.add(n);
                }
            }
        }
        if (team.isEmpty()) {
            throw new InvalidInputException("teamMembers", "evaluation.onsite.teamRequired");
        }
        if (team.size() > TEAM_MAX) {
            throw new InvalidInputException("teamMembers", "evaluation.onsite.teamTooLarge", TEAM_MAX);
        }
        return team;
    }

    /**
     * Adds a photo to a visit: images only (PNG or JPEG, recognised from the content by the evidence
     * inspector), stored in the evidence blob store with its SHA-256. A photo id seen before returns the
     * stored photo (a retried upload is not stored twice).
     */
    @Transactional
    public PhotoView addPhoto(
            long campaignId,
            long visitId,
            Long taskId,
            String photoClientId,
            String originalName,
            InputStream content,
            CurrentUser user) {
        CampaignView campaign = campaignFor(campaignId, user, WRITE);
        OnsiteStore.Visit visit = visitOf(campaign, visitId, user);
        evaluations.requireOpen(campaignId);
        UUID clientId = uuid("clientId", photoClientId, false);
        if (clientId != null) {
            Optional<OnsiteStore.Photo> prior = visits.photoByClientId(clientId);
            if (prior.isPresent()) {
                if (prior.get().visitId() != visitId) {
                    throw new ConflictException("clientId", "evaluation.onsite.clientIdTaken");
                }
                AttachmentView a =
                        evidence.attachment(prior.get().attachmentId()).orElseThrow();
                return photo(a, prior.get());
            }
        }
        if (taskId != null) {
            // a photo may show a task that was noted or not rated yet: any on-site task of the target's category
            long category = campaigns.target(visit.targetId()).orElseThrow().categoryId();
            boolean onsiteTaskOfTarget = campaigns
                    .task(taskId)
                    .filter(t -> t.campaignId() == campaignId
                            && t.categoryId() == category
                            && t.methods().contains(EvaluationService.ONSITE))
                    .isPresent();
            if (!onsiteTaskOfTarget) {
                throw new InvalidInputException("taskId", "evaluation.onsite.photoTask");
            }
        }
        try {
            // a cheap first look before anything is stored; the evidence inspector then checks the whole file
            BufferedInputStream in = new BufferedInputStream(content);
            in.mark(16);
            byte[] head = in.readNBytes(12);
            in.reset();
            if (!looksLikeImage(head)) {
                throw new InvalidInputException("file", "evaluation.onsite.photoNotImage");
            }
            AttachmentView a = evidence.attach(OWNER_KIND, visitId, originalName, in, user);
            if (!IMAGE_TYPES.contains(a.fileType())) {
                // rolls back the attachment row; the unreferenced bytes go with the nightly sweep
                throw new InvalidInputException("file", "evaluation.onsite.photoNotImage");
            }
            visits.insertPhoto(a.id(), visitId, taskId, clientId, user.username());
            OnsiteStore.Photo info = new OnsiteStore.Photo(a.id(), visitId, taskId, clientId);
            return photo(a, info);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** PNG or JPEG signature. */
    static boolean looksLikeImage(byte[] head) {
        boolean png =
                head.length >= 8 && (head[0] & 0xFF) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G';
        boolean jpeg =
                head.length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF;
        return png || jpeg;
    }

    private static UUID uuid(String field, String s, boolean required) {
        if (s == null || s.isBlank()) {
            if (required) {
                throw new InvalidInputException(field, "evaluation.onsite.clientId");
            }
            return null;
        }
        try {
            return UUID.fromString(s.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "evaluation.onsite.clientId");
        }
    }

    private <T> T read(String s, TypeReference<T> type) {
        try {
            return json.readValue(s, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
