package org.dudao.shared;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every setting under {@code dudao.*}. Environment variables map as usual ({@code DUDAO_DATA_DIR},
 * {@code DUDAO_DB_URL}, ...).
 *
 * @param dataDir where the embedded database, demo account list and (later) evidence files live
 * @param demo load demo data on first start; unset means "true with the embedded database, false
 *     with an external one"
 * @param baseUrl the URL users reach Dudao at, printed in the setup link and the start banner
 */
@ConfigurationProperties("dudao")
public record DudaoProperties(
        @DefaultValue("./data") Path dataDir,
        Boolean demo,
        String baseUrl,
        @DefaultValue Db db,
        @DefaultValue Security security,
        @DefaultValue Upload upload) {

    /** External PostgreSQL; a blank URL selects the embedded database. */
    public record Db(
            String url,
            String user,
            String password,
            @DefaultValue("0") int embeddedPort) {
        public boolean external() {
            return url != null && !url.isBlank();
        }
    }

    /** Login and session rules (等级保护 baseline); every one configurable. */
    public record Security(
            @DefaultValue("90d") Duration passwordExpiry,
            @DefaultValue("12") int passwordMinLength,
            @DefaultValue("5") int passwordHistory,
            @DefaultValue("5") int lockoutThreshold,
            @DefaultValue("15m") Duration lockoutWindow,
            @DefaultValue("30m") Duration lockoutDuration,
            @DefaultValue("30m") Duration idleTimeout,
            @DefaultValue("8h") Duration tokenTtl,
            @DefaultValue("1h") Duration setupLinkTtl,
            Boolean cookieSecure) {}

    /** Limits on uploaded spreadsheets (zip-bomb and size guards). */
    public record Upload(
            @DefaultValue("5242880") long maxXlsxBytes,
            @DefaultValue("5000") int maxImportRows,
            @DefaultValue("0.01") double minInflateRatio,
            @DefaultValue("104857600") long maxEntrySize) {}

    /** Whether demo data is loaded: explicit setting, else true exactly in embedded mode. */
    public boolean demoEnabled() {
        return demo != null ? demo : !db.external();
    }

    public boolean secureCookies() {
        return security.cookieSecure() != null ? security.cookieSecure() : !demoEnabled();
    }
}
