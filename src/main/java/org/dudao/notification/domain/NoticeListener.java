package org.dudao.notification.domain;

import org.dudao.shared.notice.Notice;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers every {@link Notice} a module publishes. Like the audit log, the listener is synchronous and
 * writes in the publisher's transaction: the notice is kept exactly when the action commits, and a
 * failure to deliver fails the action rather than losing the notice. Published outside a transaction
 * or in a read-only one, it is written in a transaction of its own.
 */
@Component
class NoticeListener {

    private final Inbox inbox;
    private final TransactionTemplate ownTransaction;

    NoticeListener(Inbox inbox, PlatformTransactionManager transactions) {
        this.inbox = inbox;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.ownTransaction.setName("notification.deliver");
    }

    @EventListener
    public void on(Notice notice) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            ownTransaction.executeWithoutResult(status -> inbox.deliver(notice, null));
            return;
        }
        inbox.deliver(notice, null);
    }
}
