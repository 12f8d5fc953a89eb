package org.dudao.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dudao.identity.domain.AccountService;
import org.dudao.identity.domain.DudaoUser;
import org.dudao.shared.error.InvalidInputException;
import org.dudao.shared.security.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 修改密码: the holder's own password (forced when expired or reset). */
@Controller
class PasswordController {

    private final AccountService accounts;
    private final SecurityContextRepository contexts;
    private final MessageSource messages;

    PasswordController(AccountService accounts, SecurityContextRepository contexts, MessageSource messages) {
        this.accounts = accounts;
        this.contexts = contexts;
        this.messages = messages;
    }

    @GetMapping("/account/password")
    String form(Model model) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        model.addAttribute(
                "forced", auth != null && auth.getPrincipal() instanceof DudaoUser u && u.passwordChangeRequired());
        return "identity/password";
    }

    @PostMapping("/account/password")
    String change(
            @RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirmPassword,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect,
            java.util.Locale locale) {
        CurrentUser me = CurrentUser.require();
        try {
            if (!password.equals(confirmPassword)) {
                throw new InvalidInputException("confirmPassword", "password.mismatch");
            }
            accounts.changeOwnPassword(me.accountId(), currentPassword, password);
        } catch (InvalidInputException e) {
            model.addAttribute("fieldError", e.field());
            model.addAttribute("error", messages.getMessage(e.messageKey(), e.args(), locale));
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            model.addAttribute("forced", auth.getPrincipal() instanceof DudaoUser u && u.passwordChangeRequired());
            return "identity/password";
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth.getPrincipal() instanceof DudaoUser user) {
            DudaoUser updated = user.withPasswordChanged();
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(updated, null, updated.getAuthorities()));
            SecurityContextHolder.setContext(context);
            contexts.saveContext(context, request, response);
        }
        redirect.addFlashAttribute("flash", messages.getMessage("password.changed", null, locale));
        return "redirect:/";
    }
}
