/**
 * 演示数据 / Demo data: on the first start in demo mode, loads the 2020 Pingdingshan set-up from seed
 * 000 (the office, 60 targets in three categories, 20 assessor sections with their contacts and login
 * names as printed, a county office for multi-level assessment) and creates accounts with generated
 * passwords written to {@code <data-dir>/demo-accounts.csv}, and the PDS-2020 assessment campaign for the
 * current year. Nothing depends on this module.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "shared :: *",
            "organization",
            "identity",
            "campaign",
            "survey",
            "creation",
            "plan",
            "inspection"
        })
package org.dudao.demo;
