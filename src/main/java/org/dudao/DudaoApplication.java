package org.dudao;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Dudao 督导: rule-of-law government assessment platform, one deployable jar. {@code java -jar dudao.jar}
 * runs the platform; {@code java -jar dudao.jar scrub} re-hashes every stored evidence file, prints the
 * report and exits (status 1 when a file is corrupt or missing).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class DudaoApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(DudaoApplication.class);
        if (Arrays.asList(args).contains("scrub")) {
            app.setWebApplicationType(WebApplicationType.NONE);
        }
        app.run(args);
    }
}
