package org.dudao.organization.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dudao.organization.UnitImportResult;
import org.dudao.organization.UnitKind;
import org.dudao.organization.UnitScope;
import org.dudao.organization.UnitView;
import org.dudao.organization.domain.UnitService;
import org.dudao.organization.domain.UnitWorkbook;
import org.dudao.shared.error.DudaoException;
import org.dudao.shared.error.InvalidInputException;
import org.dudao.shared.security.CurrentUser;
import org.dudao.shared.web.Downloads;
import org.dudao.shared.web.Htmx;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 单位管理 pages: the tree, create/edit/move/delete, xlsx import/export. Always within the user's scope. */
@Controller
@RequestMapping("/units")
class UnitController {

    private final UnitService units;
    private final UnitWorkbook workbook;
    private final MessageSource messages;

    UnitController(UnitService units, UnitWorkbook workbook, MessageSource messages) {
        this.units = units;
        this.workbook = workbook;
        this.messages = messages;
    }

    @ModelAttribute("kinds")
    UnitKind[] kinds() {
        return UnitKind.values();
    }

    @GetMapping
    @PreAuthorize("hasAuthority('organization:unit:read')")
    String list(Model model) {
        List<UnitView> list = units.list(scope());
        model.addAttribute("units", list);
        model.addAttribute("notes", list.stream().filter(u -> u.note() != null).toList());
        return "organization/units";
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('organization:unit:read')")
    String show(@PathVariable long id, Model model) {
        UnitView unit = units.get(id, scope());
        model.addAttribute("unit", unit);
        model.addAttribute("form", UnitForm.of(unit, units.version(id)));
        model.addAttribute("parents", units.list(scope()));
        model.addAttribute("path", units.pathOf(id));
        return "organization/unit";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('organization:unit:write')")
    String createForm(@RequestParam(required = false) Long parentId, Model model) {
        model.addAttribute("form", UnitForm.empty(parentId));
        model.addAttribute("parents", units.list(scope()));
        return "organization/unit-new";
    }

    @PostMapping
    @PreAuthorize("hasAuthority('organization:unit:write')")
    String create(@ModelAttribute("form") UnitForm form, Model model, RedirectAttributes redirect, Locale locale) {
        try {
            UnitView created = units.create(form.parentId(), form.command(), scope());
            redirect.addFlashAttribute("flash", messages.getMessage("unit.saved", null, locale));
            return "redirect:/units/" + created.id();
        } catch (DudaoException e) {
            fieldError(model, e, locale);
            model.addAttribute("parents", units.list(scope()));
            return "organization/unit-new";
        }
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAuthority('organization:unit:write')")
    String update(
            @PathVariable long id,
            @ModelAttribute("form") UnitForm form,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            units.update(id, form.command(), form.version(), scope());
            redirect.addFlashAttribute("flash", messages.getMessage("unit.saved", null, locale));
            return "redirect:/units/" + id;
        } catch (DudaoException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            fieldError(model, e, locale);
            model.addAttribute("unit", units.get(id, scope()));
            model.addAttribute("parents", units.list(scope()));
            model.addAttribute("path", units.pathOf(id));
            return "organization/unit";
        }
    }

    @PostMapping("/{id}/move")
    @PreAuthorize("hasAuthority('organization:unit:write')")
    String move(@PathVariable long id, @RequestParam long parentId, RedirectAttributes redirect, Locale locale) {
        try {
            units.move(id, parentId, scope());
            redirect.addFlashAttribute("flash", messages.getMessage("unit.moved", null, locale));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.args(), locale));
        }
        return "redirect:/units/" + id;
    }

    @PostMapping("/{id}/delete")
    @PreAuthorize("hasAuthority('organization:unit:write')")
    String delete(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        try {
            units.delete(id, scope());
            redirect.addFlashAttribute("flash", messages.getMessage("unit.deleted", null, locale));
            return "redirect:/units";
        } catch (DudaoException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.args(), locale));
            return "redirect:/units/" + id;
        }
    }

    @GetMapping("/import")
    @PreAuthorize("hasAuthority('organization:unit:import')")
    String importForm() {
        return "organization/import";
    }

    /** Checks (dryRun) or imports a sheet; any row error means nothing is saved. */
    @PostMapping("/import")
    @PreAuthorize("hasAuthority('organization:unit:import')")
    String importFile(
            @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun,
            Model model,
            HttpServletRequest request,
            Locale locale)
            throws IOException {
        try {
            UnitImportResult result = units.importRows(workbook.read(file.getBytes()), scope(), dryRun);
            model.addAttribute("result", result);
            model.addAttribute(
                    "rowErrors",
                    result.errors().stream()
                            .map(e -> new RowMessage(
                                    e.rowNumber(),
                                    e.column() == null
                                            ? ""
                                            : messages.getMessage("unit.field." + e.column(), null, e.column(), locale),
                                    messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale)))
                            .toList());
        } catch (InvalidInputException e) {
            model.addAttribute("fileError", messages.getMessage(e.messageKey(), e.args(), locale));
        }
        return Htmx.isHtmx(request) ? "organization/import :: result" : "organization/import";
    }

    record RowMessage(int row, String column, String message) {}

    @GetMapping("/template")
    @PreAuthorize("hasAuthority('organization:unit:import')")
    ResponseEntity<byte[]> template() {
        return Downloads.xlsx(workbook.template(), "单位导入模板.xlsx");
    }

    @GetMapping("/export")
    @PreAuthorize("hasAuthority('organization:unit:read')")
    ResponseEntity<byte[]> export() {
        List<UnitView> list = units.list(scope());
        Map<Long, String> paths = new HashMap<>();
        for (UnitView u : list) {
            String parentPath = u.parentId() == null ? null : paths.get(u.parentId());
            paths.put(u.id(), parentPath == null ? units.pathOf(u.id()) : parentPath + "/" + u.name());
        }
        return Downloads.xlsx(workbook.export(list, paths), "单位.xlsx");
    }

    private void fieldError(Model model, DudaoException e, Locale locale) {
        model.addAttribute("fieldError", e.field());
        model.addAttribute("error", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
    }

    private static UnitScope scope() {
        return UnitScope.of(CurrentUser.require());
    }
}
