package org.dudao.survey.domain;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dudao.survey.OptionView;
import org.dudao.survey.QuestionKind;
import org.dudao.survey.QuestionView;
import org.dudao.survey.QuestionnaireCommand;
import org.dudao.survey.QuestionnaireStatus;
import org.dudao.survey.QuestionnaireView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The survey module's tables. */
@Repository
public class SurveyStore {

    private final JdbcClient jdbc;

    SurveyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ------------------------------------------------------------------ questionnaires

    record Header(
            long id,
            long campaignId,
            String title,
            String intro,
            QuestionnaireStatus status,
            LocalDate closesOn,
            int minResponses,
            Long copiedFrom,
            Instant publishedAt) {}

    private static final String HEADER = "select id, campaign_id, title, intro, status, closes_on, min_responses,"
            + " copied_from, published_at from survey_questionnaire";

    private List<Header> headers(String where, Object... params) {
        return jdbc.sql(HEADER + " " + where)
                .params(params)
                .query((rs, n) -> new Header(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        QuestionnaireStatus.valueOf(rs.getString(5)),
                        rs.getObject(6, LocalDate.class),
                        rs.getInt(7),
                        (Long) rs.getObject(8),
                        rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant()))
                .list();
    }

    public Optional<QuestionnaireView> find(long id) {
        return headers("where id = ?", id).stream().findFirst().map(this::view);
    }

    /** The questionnaire, its row locked for the rest of the transaction. */
    public Optional<QuestionnaireView> lock(long id) {
        return headers("where id = ? for update", id).stream().findFirst().map(this::view);
    }

    public List<QuestionnaireView> ofCampaign(long campaignId) {
        return headers("where campaign_id = ? order by id", campaignId).stream()
                .map(this::view)
                .toList();
    }

    private QuestionnaireView view(Header h) {
        return new QuestionnaireView(
                h.id(),
                h.campaignId(),
                h.title(),
                h.intro(),
                h.status(),
                h.closesOn(),
                h.minResponses(),
                h.copiedFrom(),
                h.publishedAt(),
                questions(h.id()),
                satisfactionTasks(h.id()));
    }

    private List<QuestionView> questions(long questionnaireId) {
        record Q(long id, int position, String kind, String text, boolean required) {}
        List<Q> qs = jdbc.sql("select id, position, kind, text, required from survey_question"
                        + " where questionnaire_id = ? order by position")
                .param(questionnaireId)
                .query((rs, n) ->
                        new Q(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getBoolean(5)))
                .list();
        Map<Long, List<OptionView>> options = new LinkedHashMap<>();
        jdbc.sql("select o.question_id, o.id, o.position, o.label, o.score from survey_option o"
                        + " join survey_question q on q.id = o.question_id where q.questionnaire_id = ?"
                        + " order by o.question_id, o.position")
                .param(questionnaireId)
                .query(rs -> {
                    options.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new OptionView(rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getBigDecimal(5)));
                });
        return qs.stream()
                .map(q -> new QuestionView(
                        q.id(),
                        q.position(),
                        QuestionKind.valueOf(q.kind()),
                        q.text(),
                        q.required(),
                        List.copyOf(options.getOrDefault(q.id(), List.of()))))
                .toList();
    }

    public long insert(long campaignId, Checked c, Long copiedFrom, String user) {
        long id = jdbc.sql("insert into survey_questionnaire (campaign_id, title, intro, status, closes_on,"
                        + " min_responses, copied_from, created_by, updated_by) values (?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?)"
                        + " returning id")
                .params(campaignId, c.title(), c.intro(), date(c.closesOn()), c.minResponses(), copiedFrom, user, user)
                .query(Long.class)
                .single();
        insertQuestions(id, c.questions());
        return id;
    }

    /** Replaces a draft's header and questions. */
    public void replace(long id, Checked c, String user) {
        jdbc.sql("update survey_questionnaire set title = ?, intro = ?, closes_on = ?, min_responses = ?,"
                        + " updated_at = now(), updated_by = ?, row_version = row_version + 1 where id = ?")
                .params(c.title(), c.intro(), date(c.closesOn()), c.minResponses(), user, id)
                .update();
        jdbc.sql("delete from survey_question where questionnaire_id = ?")
                .param(id)
                .update();
        insertQuestions(id, c.questions());
    }

    private void insertQuestions(long questionnaireId, List<Checked.Question> questions) {
        for (int i = 0; i < questions.size(); i++) {
            Checked.Question q = questions.get(i);
            long qid = jdbc.sql("insert into survey_question (questionnaire_id, position, kind, text, required)"
                            + " values (?, ?, ?, ?, ?) returning id")
                    .params(questionnaireId, i + 1, q.kind().name(), q.text(), q.required())
                    .query(Long.class)
                    .single();
            for (int j = 0; j < q.options().size(); j++) {
                QuestionnaireCommand.Option o = q.options().get(j);
                jdbc.sql("insert into survey_option (question_id, position, label, score) values (?, ?, ?, ?)")
                        .params(qid, j + 1, o.label(), o.score())
                        .update();
            }
        }
    }

    public void setStatus(long id, QuestionnaireStatus status, Instant at, String user) {
        String extra = status == QuestionnaireStatus.PUBLISHED
                ? ", published_at = :at, published_by = :user"
                : status == QuestionnaireStatus.CLOSED ? ", closed_at = :at" : "";
        jdbc.sql("update survey_questionnaire set status = :status, updated_at = now(), updated_by = :user,"
                        + " row_version = row_version + 1" + extra + " where id = :id")
                .param("status", status.name())
                .param("at", Timestamp.from(at))
                .param("user", user)
                .param("id", id)
                .update();
    }

    public void setMinResponses(long id, int min, String user) {
        jdbc.sql("update survey_questionnaire set min_responses = ?, updated_at = now(), updated_by = ?,"
                        + " row_version = row_version + 1 where id = ?")
                .params(min, user, id)
                .update();
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    // ------------------------------------------------------------------ satisfaction tasks

    public List<Long> satisfactionTasks(long questionnaireId) {
        return jdbc.sql("select task_id from survey_satisfaction_task where questionnaire_id = ? order by task_id")
                .param(questionnaireId)
                .query(Long.class)
                .list();
    }

    public void setSatisfactionTasks(long questionnaireId, Collection<Long> taskIds) {
        jdbc.sql("delete from survey_satisfaction_task where questionnaire_id = ?")
                .param(questionnaireId)
                .update();
        for (Long t : taskIds) {
            jdbc.sql("insert into survey_satisfaction_task (questionnaire_id, task_id) values (?, ?)")
                    .params(questionnaireId, t)
                    .update();
        }
    }

    // ------------------------------------------------------------------ links

    public record Link(long id, long questionnaireId, long targetId, String token) {}

    public void insertLink(long questionnaireId, long targetId, String token) {
        jdbc.sql("insert into survey_link (questionnaire_id, target_id, token) values (?, ?, ?)"
                        + " on conflict (questionnaire_id, target_id) do nothing")
                .params(questionnaireId, targetId, token)
                .update();
    }

    public List<Link> links(long questionnaireId) {
        return jdbc.sql("select id, questionnaire_id, target_id, token from survey_link where questionnaire_id = ?"
                        + " order by id")
                .param(questionnaireId)
                .query((rs, n) -> new Link(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)))
                .list();
    }

    public Optional<Link> linkByToken(String token) {
        return jdbc.sql("select id, questionnaire_id, target_id, token from survey_link where token = ?")
                .param(token)
                .query((rs, n) -> new Link(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)))
                .optional();
    }

    public Map<Long, Long> responseCounts(long questionnaireId) {
        Map<Long, Long> m = new LinkedHashMap<>();
        jdbc.sql("select link_id, count(*) from survey_response where questionnaire_id = ? group by link_id")
                .param(questionnaireId)
                .query(rs -> {
                    m.put(rs.getLong(1), rs.getLong(2));
                });
        return m;
    }

    // ------------------------------------------------------------------ responses

    public boolean answered(long linkId, String deviceHash) {
        return jdbc.sql("select count(*) from survey_response where link_id = ? and device_hash = ?")
                        .params(linkId, deviceHash)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public boolean nonceUsed(String nonce) {
        return jdbc.sql("select count(*) from survey_response where nonce = ?")
                        .param(nonce)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Inserts a response; empty when the device or the nonce already answered (a concurrent double post). */
    public Optional<Long> insertResponse(
            Link link,
            String deviceHash,
            String nonce,
            String ipHash,
            String source,
            BigDecimal satisfaction,
            Instant at) {
        return jdbc.sql("insert into survey_response (questionnaire_id, link_id, target_id, device_hash, nonce,"
                        + " ip_hash, source, satisfaction, submitted_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict do nothing returning id")
                .params(
                        link.questionnaireId(),
                        link.id(),
                        link.targetId(),
                        deviceHash,
                        nonce,
                        ipHash,
                        source,
                        satisfaction,
                        Timestamp.from(at))
                .query(Long.class)
                .optional();
    }

    public void insertAnswer(long responseId, long questionId, Long optionId, String text) {
        jdbc.sql("insert into survey_answer (response_id, question_id, option_id, text) values (?, ?, ?, ?)")
                .params(responseId, questionId, optionId, text)
                .update();
    }

    public record Response(long id, long targetId, String source, BigDecimal satisfaction, Instant submittedAt) {}

    public List<Response> responses(long questionnaireId) {
        return jdbc.sql("select id, target_id, source, satisfaction, submitted_at from survey_response"
                        + " where questionnaire_id = ? order by target_id, submitted_at, id")
                .param(questionnaireId)
                .query((rs, n) -> new Response(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getBigDecimal(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    public record Answer(long responseId, long questionId, Long optionId, String text) {}

    public List<Answer> answers(long questionnaireId) {
        return jdbc.sql("select a.response_id, a.question_id, a.option_id, a.text from survey_answer a"
                        + " join survey_response r on r.id = a.response_id where r.questionnaire_id = ?"
                        + " order by a.response_id, a.id")
                .param(questionnaireId)
                .query((rs, n) -> new Answer(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3), rs.getString(4)))
                .list();
    }

    // ------------------------------------------------------------------ rate limit and secret

    /** Counts a hit of the address in the current window and answers the window's count (every node shares it). */
    public int hit(String ipHash, Instant windowStart) {
        jdbc.sql("delete from survey_rate where window_start < ?")
                .param(Timestamp.from(windowStart.minusSeconds(86_400)))
                .update();
        return jdbc.sql("insert into survey_rate (ip_hash, window_start, hits) values (?, ?, 1)"
                        + " on conflict (ip_hash, window_start) do update set hits = survey_rate.hits + 1"
                        + " returning hits")
                .params(ipHash, Timestamp.from(windowStart))
                .query(Integer.class)
                .single();
    }

    /** The page-token key; created by the first node that needs it. */
    public byte[] secret(byte[] candidate) {
        jdbc.sql("insert into survey_secret (id, secret) values (1, ?) on conflict (id) do nothing")
                .param(candidate)
                .update();
        return jdbc.sql("select secret from survey_secret where id = 1")
                .query(byte[].class)
                .single();
    }
}
