package org.dudao;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Dudao 督导: rule-of-law government assessment platform, one deployable jar. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DudaoApplication {

    public static void main(String[] args) {
        SpringApplication.run(DudaoApplication.class, args);
    }
}
