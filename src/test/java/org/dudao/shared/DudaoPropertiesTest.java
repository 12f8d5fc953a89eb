package org.dudao.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Demo mode and the Secure cookie flag follow the database mode unless set explicitly. */
class DudaoPropertiesTest {

    static DudaoProperties props(String dbUrl, Boolean demo, Boolean secure) {
        return new DudaoProperties(
                Path.of("data"),
                demo,
                null,
                new DudaoProperties.Db(dbUrl, null, null, 0),
                new DudaoProperties.Security(
                        Duration.ofDays(90),
                        12,
                        5,
                        5,
                        Duration.ofMinutes(15),
                        Duration.ofMinutes(30),
                        Duration.ofMinutes(30),
                        Duration.ofHours(8),
                        Duration.ofHours(1),
                        secure),
                new DudaoProperties.Upload(1, 1, 0.01, 1),
                null);
    }

    @Test
    void embeddedDatabaseMeansDemoAndPlainHttpCookies() {
        DudaoProperties p = props("", null, null);
        assertThat(p.demoEnabled()).isTrue();
        assertThat(p.secureCookies()).isFalse();
    }

    @Test
    void externalDatabaseMeansNoDemoAndSecureCookies() {
        DudaoProperties p = props("jdbc:postgresql://db/dudao", null, null);
        assertThat(p.demoEnabled()).isFalse();
        assertThat(p.secureCookies()).isTrue();
    }

    @Test
    void explicitSettingsWin() {
        assertThat(props("jdbc:postgresql://db/dudao", true, null).demoEnabled())
                .isTrue();
        assertThat(props("", null, true).secureCookies()).isTrue();
    }
}
