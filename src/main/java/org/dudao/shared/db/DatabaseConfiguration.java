package org.dudao.shared.db;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dudao.shared.DudaoProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * PostgreSQL everywhere: an external server when {@code dudao.db.url} is set, otherwise an embedded
 * PostgreSQL (real binaries) whose data directory lives under {@code dudao.data-dir} and survives
 * restarts.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    @Conditional(EmbeddedMode.class)
    EmbeddedPostgres embeddedPostgres(DudaoProperties properties) {
        Path pgdata = properties.dataDir().resolve("pgdata").toAbsolutePath().normalize();
        try {
            Files.createDirectories(pgdata.getParent());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(pgdata)
                    .setCleanDataDirectory(false)
                    .setServerConfig("timezone", "UTC")
                    .setServerConfig("max_connections", "100");
            if (properties.db().embeddedPort() > 0) {
                builder.setPort(properties.db().embeddedPort());
            }
            EmbeddedPostgres pg = builder.start();
            log.info("嵌入式 PostgreSQL 已启动 / embedded PostgreSQL started: port {}, data {}", pg.getPort(), pgdata);
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "无法启动嵌入式 PostgreSQL（数据目录 " + pgdata + "，是否已有另一个 Dudao 在使用它？）"
                            + " / cannot start embedded PostgreSQL",
                    e);
        }
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DudaoProperties properties, ObjectProvider<EmbeddedPostgres> embedded) {
        HikariDataSource ds = new HikariDataSource();
        if (properties.db().external()) {
            ds.setJdbcUrl(properties.db().url());
            ds.setUsername(properties.db().user());
            ds.setPassword(properties.db().password());
        } else {
            EmbeddedPostgres pg = embedded.getObject();
            ds.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
            ds.setUsername("postgres");
        }
        ds.setPoolName("dudao");
        return ds;
    }

    /** Embedded mode: no external database URL configured. */
    static class EmbeddedMode implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("dudao.db.url");
            return url == null || url.isBlank();
        }
    }
}
