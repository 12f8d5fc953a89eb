package org.dudao.identity.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dudao.identity.AccountView;
import org.dudao.identity.NewAccount;
import org.dudao.identity.Role;
import org.dudao.identity.domain.AccountService;
import org.dudao.identity.domain.PermissionStore;
import org.dudao.organization.OrganizationApi;
import org.dudao.organization.UnitView;
import org.dudao.shared.error.DudaoException;
import org.dudao.shared.security.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 账户管理 for the three administrators: the system admin creates, disables and resets accounts; the
 * security admin assigns roles, unlocks accounts and edits role permissions.
 */
@Controller
class AccountAdminController {

    private final AccountService accounts;
    private final PermissionStore permissions;
    private final OrganizationApi units;
    private final MessageSource messages;

    AccountAdminController(
            AccountService accounts, PermissionStore permissions, OrganizationApi units, MessageSource messages) {
        this.accounts = accounts;
        this.permissions = permissions;
        this.units = units;
        this.messages = messages;
    }

    @GetMapping("/admin/accounts")
    @PreAuthorize("hasAuthority('identity:account:read')")
    String list(Model model) {
        List<UnitView> all = units.all();
        model.addAttribute("accounts", accounts.list());
        model.addAttribute("units", all);
        model.addAttribute("unitNames", all.stream().collect(Collectors.toMap(UnitView::id, UnitView::name)));
        model.addAttribute("roles", Role.values());
        return "identity/accounts";
    }

    @PostMapping("/admin/accounts")
    @PreAuthorize("hasAuthority('identity:account:write')")
    String create(
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(required = false) Long unitId,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            var created = accounts.create(new NewAccount(
                    username, displayName, unitId == null ? -1 : unitId, EnumSet.noneOf(Role.class), null, true, null));
            redirect.addFlashAttribute(
                    "flash",
                    messages.getMessage(
                            "account.created",
                            new Object[] {created.account().username(), created.password()},
                            locale));
        } catch (DudaoException e) {
            redirect.addFlashAttribute("error", message(e, locale));
        }
        return "redirect:/admin/accounts";
    }

    @PostMapping("/admin/accounts/{id}/reset-password")
    @PreAuthorize("hasAuthority('identity:account:write')")
    String reset(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        String password = accounts.resetPassword(id);
        AccountView a = accounts.get(id);
        redirect.addFlashAttribute(
                "flash", messages.getMessage("account.passwordReset", new Object[] {a.username(), password}, locale));
        return "redirect:/admin/accounts";
    }

    @PostMapping("/admin/accounts/{id}/email")
    @PreAuthorize("hasAuthority('identity:account:write')")
    String email(
            @PathVariable long id,
            @RequestParam(required = false) String email,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            AccountView a = accounts.setEmail(id, email);
            redirect.addFlashAttribute(
                    "flash", messages.getMessage("account.emailSaved", new Object[] {a.username()}, locale));
        } catch (DudaoException e) {
            redirect.addFlashAttribute("error", message(e, locale));
        }
        return "redirect:/admin/accounts";
    }

    @PostMapping("/admin/accounts/{id}/enabled")
    @PreAuthorize("hasAuthority('identity:account:write')")
    String enable(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect, Locale locale) {
        try {
            accounts.setEnabled(id, enabled, CurrentUser.require());
        } catch (DudaoException e) {
            redirect.addFlashAttribute("error", message(e, locale));
        }
        return "redirect:/admin/accounts";
    }

    @PostMapping("/admin/accounts/{id}/roles")
    @PreAuthorize("hasAuthority('identity:role:assign')")
    String roles(
            @PathVariable long id,
            @RequestParam(name = "roles", required = false) List<Role> roles,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            Set<Role> set = roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
            accounts.assignRoles(id, set, CurrentUser.require());
            redirect.addFlashAttribute("flash", messages.getMessage("account.rolesSaved", null, locale));
        } catch (DudaoException e) {
            redirect.addFlashAttribute("error", message(e, locale));
        }
        return "redirect:/admin/accounts";
    }

    @PostMapping("/admin/accounts/{id}/unlock")
    @PreAuthorize("hasAuthority('identity:account:unlock')")
    String unlock(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        accounts.unlock(id);
        redirect.addFlashAttribute("flash", messages.getMessage("account.unlocked", null, locale));
        return "redirect:/admin/accounts";
    }

    @GetMapping("/admin/roles")
    @PreAuthorize("hasAuthority('identity:permission:write')")
    String roleMatrix(Model model) {
        Map<Role, Set<String>> matrix = permissions.matrix();
        model.addAttribute("matrix", matrix);
        model.addAttribute("roles", Role.values());
        model.addAttribute("permissions", permissions.known());
        model.addAttribute(
                "granted",
                matrix.entrySet().stream()
                        .flatMap(e -> e.getValue().stream().map(p -> e.getKey().name() + "|" + p))
                        .collect(Collectors.toSet()));
        return "identity/roles";
    }

    @PostMapping("/admin/roles")
    @PreAuthorize("hasAuthority('identity:permission:write')")
    String changePermission(
            @RequestParam Role role,
            @RequestParam String permission,
            @RequestParam boolean granted,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            if (granted) {
                accounts.grant(role, permission.strip());
            } else {
                accounts.revoke(role, permission.strip());
            }
            redirect.addFlashAttribute("flash", messages.getMessage("permission.saved", null, locale));
        } catch (DudaoException e) {
            redirect.addFlashAttribute("error", message(e, locale));
        }
        return "redirect:/admin/roles";
    }

    private String message(DudaoException e, Locale locale) {
        return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale);
    }
}
