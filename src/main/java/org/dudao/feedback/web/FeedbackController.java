package org.dudao.feedback.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.TaskView;
import org.dudao.evaluation.EvaluationApi;
import org.dudao.evaluation.EvaluationCommand;
import org.dudao.evaluation.EvaluationView;
import org.dudao.feedback.ProblemView;
import org.dudao.feedback.ReviewView;
import org.dudao.feedback.domain.DecisionCommand;
import org.dudao.feedback.domain.FeedbackAccess;
import org.dudao.feedback.domain.ProblemCommand;
import org.dudao.feedback.domain.ProblemService;
import org.dudao.feedback.domain.RectificationService;
import org.dudao.feedback.domain.ReviewCommand;
import org.dudao.feedback.domain.ReviewService;
import org.dudao.scoring.ScoringApi;
import org.dudao.shared.error.Texts;
import org.dudao.shared.security.CurrentUser;
import org.dudao.shared.web.Htmx;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The feedback pages: problems, review requests and the rectification ledger of a campaign. */
@Controller
@RequestMapping("/campaigns/{id}")
class FeedbackController {

    private final FeedbackAccess access;
    private final ProblemService problems;
    private final ReviewService reviews;
    private final RectificationService rectifications;
    private final CampaignApi campaigns;
    private final EvaluationApi evaluations;
    private final ScoringApi scoring;
    private final MessageSource messages;

    FeedbackController(
            FeedbackAccess access,
            ProblemService problems,
            ReviewService reviews,
            RectificationService rectifications,
            CampaignApi campaigns,
            EvaluationApi evaluations,
            ScoringApi scoring,
            MessageSource messages) {
        this.access = access;
        this.problems = problems;
        this.reviews = reviews;
        this.rectifications = rectifications;
        this.campaigns = campaigns;
        this.evaluations = evaluations;
        this.scoring = scoring;
        this.messages = messages;
    }

    private FeedbackAccess.Caller common(long id, Model model) {
        FeedbackAccess.Caller c = access.caller(id, CurrentUser.require());
        model.addAttribute("campaign", c.campaign());
        model.addAttribute("office", c.office());
        model.addAttribute("readsAll", c.readsAll());
        model.addAttribute("raises", c.raises());
        model.addAttribute("ownTarget", c.ownTarget());
        return c;
    }

    // ------------------------------------------------------------------ problems

    @GetMapping("/feedback")
    @PreAuthorize("hasAuthority('feedback:problem:read')")
    String feedback(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUser.require();
        FeedbackAccess.Caller c = common(id, model);
        model.addAttribute("problems", problems.list(id, user));
        List<ReviewView> rs = reviews.list(id, user);
        model.addAttribute("reviews", rs);
        model.addAttribute(
                "overdueReviews", rs.stream().filter(ReviewView::overdue).count());
        if (c.raises()) {
            model.addAttribute("targets", campaigns.targets(id));
            model.addAttribute(
                    "tasks", c.office() ? campaigns.tasks(id) : campaigns.tasksAssessedBy(id, user.unitId()));
        }
        boolean published = scoring.workflow(id).map(w -> w.published()).orElse(false);
        model.addAttribute("published", published);
        if (c.ownTarget() != null && published) {
            model.addAttribute(
                    "ownTasks",
                    campaigns.tasks(id).stream()
                            .filter(t -> t.categoryId() == c.ownTarget().categoryId())
                            .toList());
        }
        return "feedback/problems";
    }

    @PostMapping("/feedback/problems")
    @PreAuthorize("hasAuthority('feedback:problem:write')")
    void raise(
            @PathVariable long id,
            @RequestParam(required = false) Long targetId,
            @RequestParam(required = false) Long taskId,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) String severity,
            @RequestParam(required = false) String description,
            @RequestParam(required = false) String pointsAffected,
            @RequestParam(required = false) List<MultipartFile> files,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        BigDecimal points = decimal("pointsAffected", pointsAffected);
        ProblemView p = problems.raise(
                id,
                new ProblemCommand(targetId, taskId, null, source, severity, description, points),
                FeedbackRestController.uploads(files),
                CurrentUser.require());
        back(id, "/feedback/problems/" + p.id(), "feedback.problem.raised", request, response, locale);
    }

    @GetMapping("/feedback/problems/{problemId}")
    @PreAuthorize("hasAuthority('feedback:problem:read')")
    String problem(@PathVariable long id, @PathVariable long problemId, Model model) {
        CurrentUser user = CurrentUser.require();
        FeedbackAccess.Caller c = common(id, model);
        ProblemView p = problems.view(id, problemId, user);
        model.addAttribute("p", p);
        model.addAttribute("review", p.reviewId() == null ? null : reviews.view(id, p.reviewId(), user));
        model.addAttribute("mine", c.isTarget(p.targetId()));
        return "feedback/problem";
    }

    @PostMapping("/feedback/problems/{problemId}/response")
    @PreAuthorize("hasAuthority('feedback:problem:respond')")
    void respond(
            @PathVariable long id,
            @PathVariable long problemId,
            @RequestParam(required = false) String decision,
            @RequestParam(required = false) String explanation,
            @RequestParam(required = false) List<MultipartFile> files,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        boolean confirm = FeedbackRestController.confirm(decision, "CONFIRM", "DISPUTE");
        problems.respond(
                id, problemId, confirm, explanation, FeedbackRestController.uploads(files), CurrentUser.require());
        back(id, "/feedback/problems/" + problemId, "feedback.problem.responded", request, response, locale);
    }

    @PostMapping("/feedback/problems/{problemId}/resolution")
    @PreAuthorize("hasAuthority('feedback:review:decide')")
    void resolve(
            @PathVariable long id,
            @PathVariable long problemId,
            @RequestParam(required = false) String decision,
            @RequestParam(required = false) String reason,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        boolean confirm = FeedbackRestController.confirm(decision, "CONFIRM", "WITHDRAW");
        problems.resolve(id, problemId, confirm, reason, CurrentUser.require());
        back(id, "/feedback/problems/" + problemId, "feedback.problem.resolved", request, response, locale);
    }

    // ------------------------------------------------------------------ reviews

    @PostMapping("/reviews")
    @PreAuthorize("hasAuthority('feedback:review:file')")
    void file(
            @PathVariable long id,
            @RequestParam(required = false) Long problemId,
            @RequestParam(required = false) List<Long> taskIds,
            @RequestParam(required = false) String statement,
            @RequestParam(required = false) List<MultipartFile> files,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        ReviewView r = reviews.file(
                id,
                new ReviewCommand(problemId, null, taskIds, null, statement),
                FeedbackRestController.uploads(files),
                CurrentUser.require());
        back(id, "/reviews/" + r.id(), "feedback.review.filed", request, response, locale);
    }

    @GetMapping("/reviews")
    @PreAuthorize("hasAuthority('feedback:problem:read')")
    String reviews(@PathVariable long id, Model model) {
        common(id, model);
        List<ReviewView> rs = reviews.list(id, CurrentUser.require());
        model.addAttribute("reviews", rs);
        model.addAttribute(
                "overdueReviews", rs.stream().filter(ReviewView::overdue).count());
        return "feedback/reviews";
    }

    /** One row of the decision form: the evaluation the office sets for a task of the review. */
    public record EvaluationRow(TaskView task, EvaluationView current) {}

    @GetMapping("/reviews/{reviewId}")
    @PreAuthorize("hasAuthority('feedback:problem:read')")
    String review(@PathVariable long id, @PathVariable long reviewId, Model model) {
        CurrentUser user = CurrentUser.require();
        FeedbackAccess.Caller c = common(id, model);
        ReviewView r = reviews.view(id, reviewId, user);
        model.addAttribute("r", r);
        if (c.office()) {
            Map<Long, TaskView> tasks =
                    campaigns.tasks(id).stream().collect(Collectors.toMap(TaskView::id, Function.identity()));
            List<EvaluationRow> rows = new ArrayList<>();
            for (ReviewView.Item i : r.items()) {
                if (i.taskId() != null && tasks.containsKey(i.taskId())) {
                    rows.add(new EvaluationRow(
                            tasks.get(i.taskId()),
                            evaluations.find(r.targetId(), i.taskId()).orElse(null)));
                }
            }
            model.addAttribute("rows", rows);
        }
        model.addAttribute("result", scoring.result(id, r.targetId()).orElse(null));
        return "feedback/review";
    }

    @PostMapping("/reviews/{reviewId}/decision")
    @PreAuthorize("hasAuthority('feedback:review:decide')")
    void decide(
            @PathVariable long id,
            @PathVariable long reviewId,
            @RequestParam(required = false) String decision,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) List<Long> taskId,
            @RequestParam(required = false) List<String> grade,
            @RequestParam(required = false) List<String> points,
            @RequestParam(required = false) List<String> evaluationReason,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        CurrentUser user = CurrentUser.require();
        ReviewView r = reviews.view(id, reviewId, user);
        List<EvaluationCommand> rows = new ArrayList<>();
        if (taskId != null) {
            for (int i = 0; i < taskId.size(); i++) {
                String g = at(grade, i);
                String p = at(points, i);
                if (g == null && p == null) {
                    continue; // this task keeps its evaluation
                }
                boolean na = "NA".equals(g);
                rows.add(new EvaluationCommand(
                        r.targetId(),
                        taskId.get(i),
                        na ? null : g,
                        decimal("points", p),
                        na ? Boolean.TRUE : null,
                        at(evaluationReason, i),
                        null));
            }
        }
        reviews.decide(id, reviewId, new DecisionCommand(decision, reason, rows, List.of()), user);
        back(id, "/reviews/" + reviewId, "feedback.review.decidedSaved", request, response, locale);
    }

    // ------------------------------------------------------------------ rectification

    @GetMapping("/rectifications")
    @PreAuthorize("hasAuthority('feedback:problem:read')")
    String rectifications(@PathVariable long id, Model model) {
        common(id, model);
        model.addAttribute("items", rectifications.list(id, CurrentUser.require()));
        return "feedback/rectifications";
    }

    @GetMapping("/rectifications/{itemId}")
    @PreAuthorize("hasAuthority('feedback:problem:read')")
    String rectification(@PathVariable long id, @PathVariable long itemId, Model model) {
        FeedbackAccess.Caller c = common(id, model);
        var item = rectifications.view(id, itemId, CurrentUser.require());
        model.addAttribute("item", item);
        model.addAttribute("mine", c.isTarget(item.targetId()));
        return "feedback/rectification";
    }

    @PostMapping("/rectifications/{itemId}/plan")
    @PreAuthorize("hasAuthority('feedback:rectification:report')")
    void plan(
            @PathVariable long id,
            @PathVariable long itemId,
            @RequestParam(required = false) String measures,
            @RequestParam(required = false) String responsiblePerson,
            @RequestParam(required = false) LocalDate deadline,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        rectifications.plan(id, itemId, measures, responsiblePerson, deadline, CurrentUser.require());
        back(id, "/rectifications/" + itemId, "feedback.rectification.planned", request, response, locale);
    }

    @PostMapping("/rectifications/{itemId}/reports")
    @PreAuthorize("hasAuthority('feedback:rectification:report')")
    void report(
            @PathVariable long id,
            @PathVariable long itemId,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String body,
            @RequestParam(required = false) List<MultipartFile> files,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        rectifications.report(
                id,
                itemId,
                FeedbackRestController.confirm(kind, "COMPLETION", "PROGRESS"),
                body,
                FeedbackRestController.uploads(files),
                CurrentUser.require());
        back(id, "/rectifications/" + itemId, "feedback.rectification.reported", request, response, locale);
    }

    @PostMapping("/rectifications/{itemId}/verification")
    @PreAuthorize("hasAuthority('feedback:rectification:verify')")
    void verify(
            @PathVariable long id,
            @PathVariable long itemId,
            @RequestParam boolean accept,
            @RequestParam(required = false) String reason,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        rectifications.verify(id, itemId, accept, reason, CurrentUser.require());
        back(id, "/rectifications/" + itemId, "feedback.rectification.verified", request, response, locale);
    }

    @PostMapping("/rectifications/{itemId}/escalation")
    @PreAuthorize("hasAuthority('feedback:rectification:verify')")
    void escalate(
            @PathVariable long id,
            @PathVariable long itemId,
            @RequestParam(required = false) String measure,
            @RequestParam(required = false) String note,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        rectifications.escalate(id, itemId, measure, note, CurrentUser.require());
        back(id, "/rectifications/" + itemId, "feedback.rectification.escalated", request, response, locale);
    }

    // ------------------------------------------------------------------ helpers

    private static String at(List<String> values, int i) {
        if (values == null || i >= values.size()) {
            return null;
        }
        String v = values.get(i);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static BigDecimal decimal(String field, String value) {
        return Texts.decimal(field, value, "feedback.number");
    }

    private void back(
            long id, String path, String key, HttpServletRequest request, HttpServletResponse response, Locale locale)
            throws IOException {
        Htmx.redirect(request, response, "/campaigns/" + id + path, messages.getMessage(key, null, locale));
    }
}
