package org.dudao.shared.web;

import org.dudao.shared.DudaoProperties;
import org.dudao.shared.security.CurrentUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: the demo marker and the signed-in user. */
@ControllerAdvice
public class LayoutAttributes {

    private final DudaoProperties properties;

    public LayoutAttributes(DudaoProperties properties) {
        this.properties = properties;
    }

    @ModelAttribute("demoMode")
    boolean demoMode() {
        return properties.demoEnabled();
    }

    @ModelAttribute("currentUser")
    CurrentUser currentUser() {
        return CurrentUser.current().orElse(null);
    }
}
