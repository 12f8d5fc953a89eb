/**
 * 公共基础 / Shared kernel: configuration properties, the clock, the database bootstrap (embedded or
 * external PostgreSQL), errors and problem responses, request ids, the current user as other modules
 * see it, the audit event that every module publishes on a change, and the notices and deadlines
 * ({@code shared.notice}) that modules hand to the notification module. Open to every module; it
 * depends on none of them.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.dudao.shared;
