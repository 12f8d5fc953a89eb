/**
 * 考核活动 / Campaigns: an annual assessment, inspection, model-creation campaign or plan tracking that
 * binds indicator systems (one per target category) to targets, assessors and dates. Tasks are copied
 * from the systems with their assessor matched to a unit by name and their deadline shifted to the
 * campaign's year; phases carry the dates of each step; the office grants extensions per target.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "shared :: *", "organization", "indicator"})
package org.dudao.campaign;
