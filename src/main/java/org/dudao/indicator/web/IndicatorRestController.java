package org.dudao.indicator.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dudao.indicator.Finding;
import org.dudao.indicator.IndicatorNode;
import org.dudao.indicator.IndicatorSystemView;
import org.dudao.indicator.IndicatorTree;
import org.dudao.indicator.NodeKind;
import org.dudao.indicator.SystemStatus;
import org.dudao.indicator.domain.IndicatorService;
import org.dudao.indicator.domain.IndicatorWorkbook;
import org.dudao.shared.security.CurrentUser;
import org.dudao.shared.web.Downloads;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Indicator systems for API clients, within the caller's jurisdiction. */
@RestController
@RequestMapping("/api/v1/indicator-systems")
@Tag(name = "indicator-systems", description = "指标体系 / indicator systems")
class IndicatorRestController {

    private final IndicatorService service;
    private final IndicatorWorkbook workbook;
    private final MessageSource messages;

    IndicatorRestController(IndicatorService service, IndicatorWorkbook workbook, MessageSource messages) {
        this.service = service;
        this.workbook = workbook;
        this.messages = messages;
    }

    record SystemSummary(long id, String code, String name, int version, SystemStatus status) {}

    record NodeJson(
            Long id,
            String label,
            String name,
            BigDecimal points,
            BigDecimal pointsInferred,
            NodeKind kind,
            List<String> methods,
            List<String> materials,
            LocalDate deadline,
            String description,
            String requirement,
            List<String> assessors,
            List<String> responsibleUnits,
            List<String> categories,
            Integer wordLimit,
            Integer wordLimitMax,
            String sourceRef,
            String note,
            List<NodeJson> children) {}

    record SystemJson(
            long id,
            String code,
            String name,
            Integer year,
            String documentNo,
            String kind,
            int version,
            SystemStatus status,
            List<String> categories,
            List<NodeJson> children) {}

    record FindingJson(Finding.Severity severity, String nodePath, String code, String message) {}

    @Operation(summary = "指标体系列表 / the systems of the caller's jurisdiction, all versions")
    @GetMapping
    @PreAuthorize("hasAuthority('indicator:system:read')")
    List<SystemSummary> list() {
        return service.list(CurrentUser.require()).stream()
                .map(s -> new SystemSummary(s.id(), s.code(), s.name(), s.version(), s.status()))
                .toList();
    }

    @Operation(summary = "指标体系树 / one system as a nested tree")
    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('indicator:system:read')")
    SystemJson get(@PathVariable long id) {
        IndicatorTree tree = service.tree(id, CurrentUser.require());
        IndicatorSystemView s = tree.system();
        return new SystemJson(
                s.id(),
                s.code(),
                s.name(),
                s.year(),
                s.documentNo(),
                s.kind().name(),
                s.version(),
                s.status(),
                s.categories(),
                tree.roots().stream().map(IndicatorRestController::json).toList());
    }

    @Operation(summary = "校验报告 / validation report (it reports, never fixes)")
    @GetMapping("/{id}/validation")
    @PreAuthorize("hasAuthority('indicator:system:read')")
    List<FindingJson> validation(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate campaignEnd,
            Locale locale) {
        return service.validate(id, campaignEnd, CurrentUser.require()).stream()
                .map(f -> new FindingJson(
                        f.severity(), f.nodePath(), f.code(), messages.getMessage(f.messageKey(), f.args(), locale)))
                .toList();
    }

    @Operation(summary = "导出 Excel / export as xlsx (re-importable)")
    @GetMapping("/{id}/xlsx")
    @PreAuthorize("hasAuthority('indicator:system:read')")
    ResponseEntity<byte[]> xlsx(@PathVariable long id) {
        IndicatorTree tree = service.tree(id, CurrentUser.require());
        return Downloads.xlsx(
                workbook.export(tree),
                tree.system().code() + "-v" + tree.system().version() + ".xlsx");
    }

    @Operation(summary = "加载内置指标体系 / load a built-in system into the caller's jurisdiction")
    @PostMapping("/builtin/{code}")
    @PreAuthorize("hasAuthority('indicator:system:write')")
    SystemSummary loadBuiltin(@PathVariable String code) {
        IndicatorSystemView s = service.loadBuiltin(code, CurrentUser.require());
        return new SystemSummary(s.id(), s.code(), s.name(), s.version(), s.status());
    }

    static NodeJson json(IndicatorNode n) {
        List<String> assessors = new ArrayList<>();
        if (n.assessorLead() != null) {
            assessors.add(n.assessorLead());
        }
        assessors.addAll(n.assessorCo());
        List<String> responsible = new ArrayList<>();
        if (n.responsibleLead() != null) {
            responsible.add(n.responsibleLead());
        }
        responsible.addAll(n.responsibleCo());
        return new NodeJson(
                n.id(),
                n.label(),
                n.name(),
                n.points(),
                n.pointsInferred(),
                n.kind(),
                n.methods(),
                n.materials(),
                n.deadline(),
                n.description(),
                n.requirement(),
                assessors,
                responsible,
                n.categories(),
                n.wordLimit(),
                n.wordLimitMax(),
                n.sourceRef(),
                n.note(),
                n.children().stream().map(IndicatorRestController::json).toList());
    }
}
