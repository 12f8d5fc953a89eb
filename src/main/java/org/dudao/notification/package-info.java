/**
 * 通知 / Notifications: the in-app inbox (收件箱) of every account and deadline reminders (提醒). Any
 * module publishes a {@code shared.notice.Notice} inside its transaction and the inbox rows are written
 * in that transaction (a rolled-back action notifies no one); modules that track deadlines offer them as
 * {@code shared.notice.DeadlineSource} beans and the reminder job — on one node of the cluster at a time
 * (ShedLock) and each reminder once (a unique key) — reminds the recipients three working days and one
 * working day before the due day and once when it has passed. It depends on no business module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "shared :: *", "identity", "calendar"})
package org.dudao.notification;
