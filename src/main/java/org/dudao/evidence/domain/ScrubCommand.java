package org.dudao.evidence.domain;

import org.dudao.evidence.store.ScrubReport;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@code java -jar dudao.jar scrub}: re-hash every stored evidence file, print the report, exit. */
@Component
@Order(100)
class ScrubCommand implements ApplicationRunner {

    private final EvidenceMaintenance maintenance;
    private final ConfigurableApplicationContext context;

    ScrubCommand(EvidenceMaintenance maintenance, ConfigurableApplicationContext context) {
        this.maintenance = maintenance;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.getNonOptionArgs().contains("scrub")) {
            return;
        }
        ScrubReport r = maintenance.scrub();
        System.out.printf(
                "校验完成 / scrub done: %d 个文件，%d 字节；损坏 / corrupt: %d；缺失 / missing: %d%n",
                r.checked(), r.bytes(), r.corrupt().size(), r.missing().size());
        r.corrupt().forEach(h -> System.out.println("  损坏 / corrupt: " + h));
        r.missing().forEach(h -> System.out.println("  缺失 / missing: " + h));
        int code = r.clean() ? 0 : 1;
        System.exit(SpringApplication.exit(context, () -> code));
    }
}
