/**
 * 示范创建 / Model-creation campaigns (seeds 001, 003): the decomposed indicator tasks are expanded to
 * the units responsible for them (lead units, co-units, groups such as “县直各单位” and “各乡（镇、街道）”
 * expanded into the county's real departments and towns, anything unresolved reported to the office);
 * each unit collects its materials and explanation per task (word limits of 001), the lead unit
 * consolidates its co-units' materials (汇总备查); units write and seal their self-report (全面自查),
 * keep a problem list (限期整改); the office follows progress per indicator and per unit with a written
 * lagging rule, issues progress bulletins (进展通报) and downloads the declaration package (集中申报).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "shared :: *", "organization", "indicator", "campaign", "evidence"})
package org.dudao.creation;
