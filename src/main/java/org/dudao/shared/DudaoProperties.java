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
        @DefaultValue Upload upload,
        @DefaultValue Evidence evidence) {

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

    /**
     * Evidence files (报送资料): limits, and where the bytes live.
     *
     * @param maxFileBytes largest accepted file (default 200 MB); one byte more is refused
     * @param chunkBytes size of one chunk of a resumable upload sent by the pages
     * @param zipMaxEntries most entries a zip (or docx/xlsx/pptx/ofd container) may hold
     * @param zipMaxUncompressedBytes most bytes a zip may inflate to in total
     * @param zipMaxRatio largest compression ratio of one entry (a zip bomb inflates far more)
     * @param storage {@code local} (content-addressed directory under the data dir) or {@code s3}
     */
    public record Evidence(
            @DefaultValue("209715200") long maxFileBytes,
            @DefaultValue("8388608") int chunkBytes,
            @DefaultValue("10000") int zipMaxEntries,
            @DefaultValue("2147483648") long zipMaxUncompressedBytes,
            @DefaultValue("200") int zipMaxRatio,
            @DefaultValue("local") String storage,
            @DefaultValue S3 s3) {}

    /** An S3-compatible object store (MinIO and the like) for clusters. */
    public record S3(String endpoint, String region, String bucket, String accessKey, String secretKey) {}

    /** Whether demo data is loaded: explicit setting, else true exactly in embedded mode. */
    public boolean demoEnabled() {
        return demo != null ? demo : !db.external();
    }

    public boolean secureCookies() {
        return security.cookieSecure() != null ? security.cookieSecure() : !demoEnabled();
    }
}
