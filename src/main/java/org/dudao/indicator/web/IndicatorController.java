package org.dudao.indicator.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dudao.indicator.Finding;
import org.dudao.indicator.IndicatorNode;
import org.dudao.indicator.IndicatorSystemView;
import org.dudao.indicator.IndicatorTree;
import org.dudao.indicator.Methods;
import org.dudao.indicator.NewSystem;
import org.dudao.indicator.RowProblem;
import org.dudao.indicator.SystemStatus;
import org.dudao.indicator.domain.BuiltinCatalogue;
import org.dudao.indicator.domain.Cells;
import org.dudao.indicator.domain.IndicatorService;
import org.dudao.indicator.domain.IndicatorWorkbook;
import org.dudao.indicator.domain.TreeDiff;
import org.dudao.indicator.domain.WordTableImport;
import org.dudao.shared.error.DudaoException;
import org.dudao.shared.error.InvalidInputException;
import org.dudao.shared.error.Texts;
import org.dudao.shared.security.CurrentUser;
import org.dudao.shared.web.Downloads;
import org.dudao.shared.web.Htmx;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 指标体系 pages: the library, the tree with totals and validation marks, import, versions, compare. */
@Controller
@RequestMapping("/indicators")
class IndicatorController {

    private final IndicatorService service;
    private final BuiltinCatalogue builtins;
    private final IndicatorWorkbook workbook;
    private final WordTableImport word;
    private final MessageSource messages;

    IndicatorController(
            IndicatorService service,
            BuiltinCatalogue builtins,
            IndicatorWorkbook workbook,
            WordTableImport word,
            MessageSource messages) {
        this.service = service;
        this.builtins = builtins;
        this.workbook = workbook;
        this.word = word;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('indicator:system:read')")
    String library(Model model) {
        model.addAttribute("systems", service.list(CurrentUser.require()));
        model.addAttribute("builtins", builtins.all());
        return "indicator/library";
    }

    @PostMapping("/builtin")
    @PreAuthorize("hasAuthority('indicator:system:write')")
    String loadBuiltin(@RequestParam String code, RedirectAttributes redirect, Locale locale) {
        IndicatorSystemView s = service.loadBuiltin(code, CurrentUser.require());
        redirect.addFlashAttribute(
                "flash", messages.getMessage("indicator.loaded", new Object[] {s.code(), s.version()}, locale));
        return "redirect:/indicators/" + s.id();
    }

    /** One row of the tree table. */
    record TreeRow(
            IndicatorNode node, int depth, String path, BigDecimal childSum, boolean mismatch, List<String> marks) {}

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('indicator:system:read')")
    String show(@PathVariable long id, Model model, Locale locale) {
        CurrentUser user = CurrentUser.require();
        IndicatorTree tree = service.tree(id, user);
        List<Finding> findings = service.validate(tree, null, user);
        Map<String, List<String>> marks = new HashMap<>();
        for (Finding f : findings) {
            if (f.severity() != Finding.Severity.INFO) {
                marks.computeIfAbsent(f.nodePath(), k -> new ArrayList<>())
                        .add(messages.getMessage(f.messageKey(), f.args(), locale));
            }
        }
        List<TreeRow> rows = new ArrayList<>();
        for (IndicatorNode root : tree.roots()) {
            flatten(root, 0, root.title(), marks, rows);
        }
        model.addAttribute("system", tree.system());
        model.addAttribute("rows", rows);
        model.addAttribute("nodeCount", rows.size());
        model.addAttribute("total", org.dudao.indicator.domain.Validator.levelOneTotal(tree.roots()));
        model.addAttribute(
                "findings",
                findings.stream()
                        .map(f -> new FindingRow(
                                f.severity().name(),
                                f.nodePath(),
                                messages.getMessage(f.messageKey(), f.args(), locale)))
                        .toList());
        model.addAttribute(
                "versions",
                service.list(user).stream()
                        .filter(s -> s.code().equals(tree.system().code()) && s.id() != id)
                        .toList());
        return "indicator/system";
    }

    record FindingRow(String severity, String nodePath, String message) {}

    private static void flatten(
            IndicatorNode n, int depth, String path, Map<String, List<String>> marks, List<TreeRow> out) {
        BigDecimal sum = n.childrenPoints();
        boolean mismatch = n.points() != null && sum != null && sum.compareTo(n.points()) != 0;
        out.add(new TreeRow(n, depth, path, sum, mismatch, marks.getOrDefault(path, List.of())));
        for (IndicatorNode c : n.children()) {
            flatten(c, depth + 1, path + " / " + c.title(), marks, out);
        }
    }

    @GetMapping("/{id}/xlsx")
    @PreAuthorize("hasAuthority('indicator:system:read')")
    ResponseEntity<byte[]> export(@PathVariable long id) {
        IndicatorTree tree = service.tree(id, CurrentUser.require());
        return Downloads.xlsx(
                workbook.export(tree),
                tree.system().code() + "-v" + tree.system().version() + ".xlsx");
    }

    @GetMapping("/template")
    @PreAuthorize("hasAuthority('indicator:system:read')")
    ResponseEntity<byte[]> template() {
        return Downloads.xlsx(workbook.template(), "指标体系导入模板.xlsx");
    }

    @PostMapping("/{id}/publish")
    @PreAuthorize("hasAuthority('indicator:system:write')")
    String publish(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        service.publish(id, CurrentUser.require());
        redirect.addFlashAttribute("flash", messages.getMessage("indicator.published", null, locale));
        return "redirect:/indicators/" + id;
    }

    @PostMapping("/{id}/draft")
    @PreAuthorize("hasAuthority('indicator:system:write')")
    String draft(@PathVariable long id) {
        return "redirect:/indicators/"
                + service.newDraft(id, CurrentUser.require()).id();
    }

    @PostMapping("/{id}/clone")
    @PreAuthorize("hasAuthority('indicator:system:write')")
    String cloneForYear(@PathVariable long id, @RequestParam int year) {
        if (year < 2000 || year > 2100) {
            throw new InvalidInputException("year", "validation.range", 2000, 2100);
        }
        return "redirect:/indicators/"
                + service.cloneForYear(id, year, CurrentUser.require()).id();
    }

    @GetMapping("/{id}/compare")
    @PreAuthorize("hasAuthority('indicator:system:read')")
    String compare(@PathVariable long id, @RequestParam long other, Model model) {
        CurrentUser user = CurrentUser.require();
        IndicatorTree from = service.tree(other, user);
        IndicatorTree to = service.tree(id, user);
        model.addAttribute("from", from.system());
        model.addAttribute("to", to.system());
        model.addAttribute("changes", TreeDiff.diff(from.roots(), to.roots()));
        return "indicator/compare";
    }

    @GetMapping("/{id}/nodes/{nodeId}")
    @PreAuthorize("hasAuthority('indicator:system:write')")
    String editNode(@PathVariable long id, @PathVariable long nodeId, Model model) {
        IndicatorTree tree = service.tree(id, CurrentUser.require());
        requireDraft(tree);
        model.addAttribute("system", tree.system());
        model.addAttribute("node", find(tree.roots(), nodeId));
        model.addAttribute("methods", Methods.ALL);
        return "indicator/node";
    }

    @PostMapping("/{id}/nodes/{nodeId}")
    @PreAuthorize("hasAuthority('indicator:system:write')")
    String saveNode(
            @PathVariable long id,
            @PathVariable long nodeId,
            @RequestParam Map<String, String> form,
            @RequestParam(name = "methods", required = false) List<String> methods,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        CurrentUser user = CurrentUser.require();
        IndicatorTree tree = service.tree(id, user);
        IndicatorNode old = find(tree.roots(), nodeId);
        requireDraft(tree);
        try {
            IndicatorNode changed = new IndicatorNode(
                    nodeId,
                    old.kind(),
                    Texts.optional("label", form.get("label"), 50),
                    Texts.required("name", form.get("name"), 2000),
                    Cells.pointsInput("points", form.get("points")),
                    old.pointsInferred(),
                    methods == null
                            ? List.of()
                            : methods.stream().filter(Methods.ALL::contains).toList(),
                    old.materials(),
                    Cells.dateInput("deadline", form.get("deadline")),
                    old.description(),
                    Texts.multiline("requirement", form.get("requirement"), 5000),
                    Texts.optional("assessorLead", form.get("assessorLead"), 300),
                    old.assessorCo(),
                    Texts.optional("responsibleLead", form.get("responsibleLead"), 500),
                    old.responsibleCo(),
                    old.categories(),
                    old.wordLimit(),
                    old.wordLimitMax(),
                    old.sourceRef(),
                    Texts.multiline("note", form.get("note"), 2000),
                    List.of());
            service.updateNode(id, nodeId, changed, user);
        } catch (DudaoException e) {
            model.addAttribute("error", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
            model.addAttribute("system", tree.system());
            model.addAttribute("node", old);
            model.addAttribute("methods", Methods.ALL);
            return "indicator/node";
        }
        redirect.addFlashAttribute("flash", messages.getMessage("indicator.nodeSaved", null, locale));
        return "redirect:/indicators/" + id;
    }

    @GetMapping("/import")
    @PreAuthorize("hasAuthority('indicator:system:write')")
    String importForm() {
        return "indicator/import";
    }

    /** Checks (dry run) or imports an xlsx or docx as a new draft version; any row problem saves nothing. */
    @PostMapping("/import")
    @PreAuthorize("hasAuthority('indicator:system:write')")
    String importFile(
            @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "true") boolean dryRun,
            @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) Integer year,
            Model model,
            HttpServletRequest request,
            Locale locale)
            throws IOException {
        try {
            byte[] bytes = file.getBytes();
            String filename = file.getOriginalFilename() == null
                    ? ""
                    : file.getOriginalFilename().toLowerCase(Locale.ROOT);
            IndicatorWorkbook.Read read = filename.endsWith(".docx") ? word.read(bytes) : workbook.read(bytes);
            NewSystem meta = override(read.meta(), code, name, year);
            List<RowProblem> problems = read.problems();
            model.addAttribute(
                    "problems",
                    problems.stream()
                            .map(p -> new ProblemRow(
                                    p.row(),
                                    p.column(),
                                    messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale)))
                            .toList());
            model.addAttribute(
                    "nodeCount",
                    read.roots().stream().mapToInt(IndicatorNode::size).sum());
            model.addAttribute("meta", meta);
            model.addAttribute("dryRun", dryRun);
            if (problems.isEmpty() && !dryRun) {
                IndicatorSystemView created = service.create(
                        meta, read.roots(), SystemStatus.DRAFT, null, CurrentUser.require(), "indicator.system.import");
                model.addAttribute("created", created);
            }
        } catch (InvalidInputException e) {
            model.addAttribute("fileError", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
        }
        return Htmx.isHtmx(request) ? "indicator/import :: result" : "indicator/import";
    }

    record ProblemRow(int row, String column, String message) {}

    private static NewSystem override(NewSystem m, String code, String name, Integer year) {
        String c = code.isBlank() ? m.code() : code.strip();
        String n = name.isBlank() ? m.name() : name.strip();
        if (c == null || c.isBlank()) {
            throw new InvalidInputException("code", "indicator.import.codeRequired");
        }
        if (!c.matches("[A-Za-z0-9_-]{2,64}")) {
            throw new InvalidInputException("code", "indicator.import.codeInvalid");
        }
        return new NewSystem(
                c,
                Texts.required("name", n == null ? c : n, 300),
                year != null ? year : m.year(),
                m.documentNo(),
                m.kind(),
                m.source(),
                m.categories(),
                null);
    }

    private static IndicatorNode find(List<IndicatorNode> nodes, long id) {
        IndicatorNode n = search(nodes, id);
        if (n == null) {
            throw new org.dudao.shared.error.NotFoundException("indicator-node", id);
        }
        return n;
    }

    private static IndicatorNode search(List<IndicatorNode> nodes, long id) {
        for (IndicatorNode n : nodes) {
            if (n.id() != null && n.id() == id) {
                return n;
            }
            IndicatorNode f = search(n.children(), id);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    private static void requireDraft(IndicatorTree tree) {
        if (tree.system().status() != SystemStatus.DRAFT) {
            throw new org.dudao.shared.error.ConflictException(null, "indicator.publishedImmutable");
        }
    }
}
