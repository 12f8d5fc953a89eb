/**
 * 指标体系 / Indicator systems: versioned trees of indicators and tasks (工作任务) with points, methods,
 * materials, deadlines, requirements, assessors and responsible units; the built-in systems
 * transcribed from the seed documents; a validation report that states where a system does not add
 * up (it never fixes); Excel and Word import/export, versions and their differences.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "shared :: *"})
package org.dudao.indicator;
