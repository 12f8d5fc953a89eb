package org.dudao.feedback.domain;

import java.util.Map;
import org.dudao.shared.audit.AuditEvent;
import org.dudao.shared.error.InvalidInputException;
import org.dudao.shared.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The campaign's windows in working days: response to a problem, review request, review decision. */
@Service
@Transactional
public class FeedbackSettings {

    private final FeedbackStore store;
    private final FeedbackAccess access;
    private final ApplicationEventPublisher events;

    FeedbackSettings(FeedbackStore store, FeedbackAccess access, ApplicationEventPublisher events) {
        this.store = store;
        this.access = access;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public FeedbackStore.Settings get(long campaignId, CurrentUser user) {
        access.caller(campaignId, user);
        return store.settings(campaignId);
    }

    public FeedbackStore.Settings put(long campaignId, Map<String, Integer> body, CurrentUser user) {
        access.office(campaignId, user, "feedback.settings.write");
        FeedbackStore.Settings old = store.settings(campaignId);
        FeedbackStore.Settings next = new FeedbackStore.Settings(
                days(body, "responseDays", old.responseDays()),
                days(body, "reviewDays", old.reviewDays()),
                days(body, "decisionDays", old.decisionDays()));
        store.saveSettings(campaignId, next, user.username());
        events.publishEvent(AuditEvent.success("feedback.settings.write", FeedbackAccess.TYPE, campaignId, old, next));
        return next;
    }

    private static int days(Map<String, Integer> body, String field, int old) {
        Integer v = body.get(field);
        if (v == null) {
            return old;
        }
        if (v < 1 || v > 60) {
            throw new InvalidInputException(field, "feedback.settings.days");
        }
        return v;
    }
}
