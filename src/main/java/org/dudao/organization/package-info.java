/**
 * 组织机构 / Organisation: units (单位) in one tree — city, counties and districts, towns; city
 * departments and their sections (科室) — with kind, short name and contacts; the data scope of a user
 * over that tree; import and export of units as xlsx. A unit can be a target in one campaign and an
 * assessor in another: roles in campaigns live elsewhere, never here.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "shared :: *"})
package org.dudao.organization;
