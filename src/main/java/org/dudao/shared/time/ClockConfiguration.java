package org.dudao.shared.time;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for the whole application, so that rules depending on time can be tested. */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    /** Dudao's business time zone: every date users see is in Beijing time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Bean
    Clock clock() {
        return Clock.system(ZONE);
    }
}
