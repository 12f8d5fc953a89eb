/**
 * 计分 / Scoring: the campaign's scoring policy (presets PDS-2020 and PDS-2022), bonus and penalty
 * events (加减分) with office approval, computation by the plain-Java engine ({@code scoring.engine})
 * into raw, converted and final scores, levels and ranks with a breakdown that explains every point,
 * and the results workflow (computed → proposed → consulted → approved by two leaders → published).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "shared :: *", "organization", "campaign", "evaluation"})
package org.dudao.scoring;
