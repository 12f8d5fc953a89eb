package org.dudao.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port, on the embedded PostgreSQL, with the demo data (the 2020
 * Pingdingshan set-up) loaded. Every test class using it shares one context: tests use distinct demo
 * accounts so that locking or changing one does not disturb another.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "dudao.demo=true")
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
public @interface DudaoIntegrationTest {}
