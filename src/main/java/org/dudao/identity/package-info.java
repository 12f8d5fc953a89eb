/**
 * 身份与权限 / Identity: accounts that belong to a unit, roles and their permission strings
 * (module:resource:action), the three administrators (三员) kept apart, login with password policy
 * and lockout, idle timeout, API bearer tokens, and the one-time setup of a new installation.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "shared :: *", "organization"})
package org.dudao.identity;
