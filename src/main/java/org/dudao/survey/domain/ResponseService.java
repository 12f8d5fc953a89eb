package org.dudao.survey.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.TargetView;
import org.dudao.shared.audit.AuditEvent;
import org.dudao.shared.db.DatabaseTime;
import org.dudao.shared.error.ConflictException;
import org.dudao.shared.error.DudaoException;
import org.dudao.shared.error.InvalidInputException;
import org.dudao.shared.error.NotFoundException;
import org.dudao.shared.error.Texts;
import org.dudao.survey.OptionView;
import org.dudao.survey.QuestionKind;
import org.dudao.survey.QuestionView;
import org.dudao.survey.QuestionnaireView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public side: the form behind a link (only the questionnaire and the target's public name) and
 * the submission, checked in this order — the link and the end date, the honeypot, the page token
 * (present, signed for this link and device, not expired, not used), one response per device, then the
 * answers (required questions, options of the question, free text at most 2,000 characters, stored as
 * typed and escaped on every output). Nothing is saved unless everything passes.
 */
@Service
public class ResponseService {

    static final String TYPE = "survey-response";
    static final int TEXT_MAX = 2000;
    static final AuditEvent.Actor ANONYMOUS = new AuditEvent.Actor(null, "anonymous", null, "PUBLIC");

    private final SurveyStore store;
    private final CampaignApi campaigns;
    private final PageTokens tokens;
    private final DatabaseTime time;
    private final ApplicationEventPublisher events;

    ResponseService(
            SurveyStore store,
            CampaignApi campaigns,
            PageTokens tokens,
            DatabaseTime time,
            ApplicationEventPublisher events) {
        this.store = store;
        this.campaigns = campaigns;
        this.tokens = tokens;
        this.time = time;
        this.events = events;
    }

    /**
     * What the public page shows.
     *
     * @param open whether answers are accepted now
     * @param answered whether this device already answered
     * @param pageToken the one-time token for the form (null when closed or answered)
     */
    public record PublicForm(
            String title,
            String intro,
            String targetName,
            java.time.LocalDate closesOn,
            List<QuestionView> questions,
            boolean open,
            boolean answered,
            String pageToken) {}

    /** The form of a link for a device; 404 for an unknown token and for a draft. */
    @Transactional(readOnly = true)
    public PublicForm form(String token, String deviceHash) {
        SurveyStore.Link link = link(token);
        QuestionnaireView q = store.find(link.questionnaireId()).orElseThrow();
        if (q.draft()) {
            throw new NotFoundException(TYPE, "link");
        }
        Instant now = time.now();
        boolean open = QuestionnaireService.open(q, now);
        boolean answered = store.answered(link.id(), deviceHash);
        String page = open && !answered ? tokens.issue(link.id(), deviceHash, now) : null;
        return new PublicForm(
                q.title(), q.intro(), targetName(link), q.closesOn(), q.questions(), open, answered, page);
    }

    /** Accepts a response from the public link, or refuses it with a Chinese message (nothing saved). */
    @Transactional
    public long submit(
            String token, Map<String, List<String>> params, String deviceHash, String addressHash, String honeypot) {
        SurveyStore.Link link = link(token);
        QuestionnaireView q = store.find(link.questionnaireId()).orElseThrow();
        if (q.draft()) {
            throw new NotFoundException(TYPE, "link");
        }
        Instant now = time.now();
        if (!QuestionnaireService.open(q, now)) {
            throw new ConflictException(null, "survey.public.closed");
        }
        if (honeypot != null && !honeypot.isEmpty()) {
            refused(link, "honeypot filled");
            throw new InvalidInputException(null, "survey.public.refused");
        }
        PageTokens.Verified page = tokens.verify(first(params, "pageToken"), link.id(), deviceHash, now);
        if (page == null) {
            refused(link, "missing or invalid page token");
            throw new DudaoException(HttpStatus.FORBIDDEN, null, "survey.public.pageToken");
        }
        if (store.answered(link.id(), deviceHash) || store.nonceUsed(page.nonce())) {
            throw new ConflictException(null, "survey.public.already");
        }
        return record(link, q, params, deviceHash, page.nonce(), addressHash, "PUBLIC", now);
    }

    /** Checks the answers and saves the response (the anti-spam checks are the caller's). */
    long record(
            SurveyStore.Link link,
            QuestionnaireView q,
            Map<String, List<String>> params,
            String deviceHash,
            String nonce,
            String addressHash,
            String source,
            Instant now) {
        List<Chosen> answers = check(q, params);
        BigDecimal satisfaction = satisfaction(q, answers);
        Optional<Long> id = store.insertResponse(link, deviceHash, nonce, addressHash, source, satisfaction, now);
        if (id.isEmpty()) {
            throw new ConflictException(null, "survey.public.already");
        }
        for (Chosen a : answers) {
            store.insertAnswer(
                    id.get(),
                    a.question().id(),
                    a.option() == null ? null : a.option().id(),
                    a.text());
        }
        events.publishEvent(AuditEvent.success(
                        "survey.response.submit",
                        TYPE,
                        id.get(),
                        null,
                        Map.of("questionnaire", q.id(), "target", link.targetId(), "source", source))
                .withActor(ANONYMOUS));
        return id.get();
    }

    record Chosen(QuestionView question, OptionView option, String text) {}

    static List<Chosen> check(QuestionnaireView q, Map<String, List<String>> params) {
        List<Chosen> out = new ArrayList<>();
        for (QuestionView question : q.questions()) {
            String field = "q" + question.id();
            List<String> values = params.getOrDefault(field, List.of()).stream()
                    .filter(v -> v != null && !v.isBlank())
                    .toList();
            if (question.kind() == QuestionKind.TEXT) {
                String text = values.isEmpty() ? null : Texts.multiline(field, values.get(0), TEXT_MAX);
                if (values.size() > 1) {
                    throw new InvalidInputException(field, "survey.answer.one", question.position());
                }
                if (text == null) {
                    if (question.required()) {
                        throw new InvalidInputException(field, "survey.answer.required", question.position());
                    }
                    continue;
                }
                out.add(new Chosen(question, null, text));
                continue;
            }
            if (values.isEmpty()) {
                if (question.required()) {
                    throw new InvalidInputException(field, "survey.answer.required", question.position());
                }
                continue;
            }
            if (question.kind() != QuestionKind.MULTIPLE && values.size() > 1) {
                throw new InvalidInputException(field, "survey.answer.one", question.position());
            }
            Set<Long> seen = new LinkedHashSet<>();
            for (String v : values) {
                OptionView option = null;
                try {
                    long optionId = Long.parseLong(v.strip());
                    option = question.options().stream()
                            .filter(o -> o.id() == optionId)
                            .findFirst()
                            .orElse(null);
                } catch (NumberFormatException e) {
                    // not an option id
                }
                if (option == null || !seen.add(option.id())) {
                    throw new InvalidInputException(field, "survey.answer.badOption", question.position());
                }
                out.add(new Chosen(question, option, null));
            }
        }
        return out;
    }

    /**
     * 满意度: Σ points chosen ÷ Σ highest points of the rating questions answered, 0…1 at 6 decimals; null
     * when no rating question was answered.
     */
    static BigDecimal satisfaction(QuestionnaireView q, List<Chosen> answers) {
        BigDecimal got = BigDecimal.ZERO;
        BigDecimal max = BigDecimal.ZERO;
        for (Chosen a : answers) {
            if (a.question().kind() == QuestionKind.RATING && a.option() != null) {
                got = got.add(a.option().score());
                max = max.add(a.question().maxScore());
            }
        }
        return max.signum() == 0 ? null : got.divide(max, 6, RoundingMode.HALF_UP);
    }

    private SurveyStore.Link link(String token) {
        if (token == null || token.length() > 64) {
            throw new NotFoundException(TYPE, "link");
        }
        return store.linkByToken(token).orElseThrow(() -> new NotFoundException(TYPE, "link"));
    }

    private String targetName(SurveyStore.Link link) {
        return campaigns.target(link.targetId()).map(TargetView::name).orElse("");
    }

    private void refused(SurveyStore.Link link, String why) {
        events.publishEvent(AuditEvent.denied("survey.response.submit", "survey-link", link.id(), why)
                .withActor(ANONYMOUS));
    }

    static String first(Map<String, List<String>> params, String name) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** Saves a demo response (marked DEMO) for a link, bypassing the public checks. */
    @Transactional
    public long recordDemo(long questionnaireId, long targetId, Map<String, List<String>> params, String device) {
        QuestionnaireView q = store.find(questionnaireId).orElseThrow();
        SurveyStore.Link link = store.links(questionnaireId).stream()
                .filter(l -> l.targetId() == targetId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("survey-link", targetId));
        String deviceHash = tokens.hash("demo|" + device);
        return record(link, q, params, deviceHash, "demo-" + deviceHash.substring(0, 40), null, "DEMO", time.now());
    }

    static Map<String, List<String>> copy(Map<String, String[]> params) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        params.forEach((k, v) -> m.put(k, List.of(v)));
        return m;
    }
}
