/**
 * 审计日志 / Audit: the tamper-evident, append-only log of every change and security-relevant act.
 * It listens to the {@code AuditEvent} that every module publishes and writes it, in the same
 * transaction as the change, to one hash chain (each record's SHA-256 covers the previous record's
 * hash); the security auditor (安全审计员) searches, exports and verifies the chain. It depends on
 * nothing but the shared kernel, and nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "shared :: *"})
package org.dudao.audit;
