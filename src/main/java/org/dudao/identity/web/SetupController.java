package org.dudao.identity.web;

import java.util.Locale;
import java.util.Map;
import org.dudao.identity.domain.SetupService;
import org.dudao.identity.domain.SetupService.SetupAccount;
import org.dudao.identity.domain.SetupService.SetupCommand;
import org.dudao.organization.UnitKind;
import org.dudao.shared.error.DudaoException;
import org.dudao.shared.error.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 首次设置页, reachable only with the one-time link printed at the first start. */
@Controller
class SetupController {

    private final SetupService setup;
    private final MessageSource messages;

    SetupController(SetupService setup, MessageSource messages) {
        this.setup = setup;
        this.messages = messages;
    }

    @GetMapping("/setup")
    String form(@RequestParam(defaultValue = "") String token, Model model) {
        if (!setup.tokenValid(token)) {
            throw new NotFoundException("setup", "-");
        }
        model.addAttribute("token", token);
        model.addAttribute("values", Map.of());
        return "identity/setup";
    }

    @PostMapping("/setup")
    String complete(@RequestParam Map<String, String> p, Model model, Locale locale) {
        String token = p.getOrDefault("token", "");
        try {
            UnitKind kind;
            try {
                kind = UnitKind.valueOf(p.getOrDefault("organisationKind", "CITY"));
            } catch (IllegalArgumentException e) {
                kind = null;
            }
            setup.complete(
                    token,
                    new SetupCommand(
                            p.get("organisationName"),
                            kind,
                            p.get("officeName"),
                            account(p, "system"),
                            account(p, "security"),
                            account(p, "audit"),
                            account(p, "office")));
        } catch (DudaoException e) {
            model.addAttribute("token", token);
            model.addAttribute(
                    "values",
                    p.entrySet().stream()
                            .filter(en -> !en.getKey().endsWith("Password")
                                    && !en.getKey().equals("_csrf"))
                            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
            model.addAttribute("error", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
            return "identity/setup";
        }
        return "redirect:/login?setup";
    }

    private static SetupAccount account(Map<String, String> p, String prefix) {
        return new SetupAccount(p.get(prefix + "Username"), p.get(prefix + "DisplayName"), p.get(prefix + "Password"));
    }
}
