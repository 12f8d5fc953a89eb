package org.dudao.shared.web;

import org.dudao.shared.DudaoProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Prints where Dudao can be reached once it is ready. */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);
    private final DudaoProperties properties;

    StartupBanner(DudaoProperties properties) {
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready(ApplicationReadyEvent event) {
        String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080");
        String url = properties.baseUrl() != null ? properties.baseUrl() : "http://localhost:" + port + "/";
        log.info(
                "\n==================================================================\n"
                        + " 督导已启动 / Dudao is running: {}\n"
                        + " 数据目录 / data directory: {}{}\n"
                        + "==================================================================",
                url,
                properties.dataDir().toAbsolutePath().normalize(),
                properties.demoEnabled()
                        ? "\n 演示账户 / demo accounts: "
                                + properties
                                        .dataDir()
                                        .resolve("demo-accounts.csv")
                                        .toAbsolutePath()
                                        .normalize()
                        : "");
    }
}
