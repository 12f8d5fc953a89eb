package org.dudao.evidence.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every refusal of an evidence file has a text in both languages, and the texts take their arguments. */
class FileMessagesTest {

    private static final Map<String, Object[]> KEYS = Map.of(
            "evidence.file.empty", new Object[0],
            "evidence.file.tooLarge", new Object[] {"200 MB"},
            "evidence.file.type", new Object[] {"通知.pdf"},
            "evidence.file.extensionMismatch", new Object[] {"报告.docx", "pdf"},
            "evidence.file.doubleExtension", new Object[] {"通知.exe.pdf"},
            "evidence.file.truncated", new Object[] {"报告.pdf"},
            "evidence.file.encrypted", new Object[] {"报告.pdf"},
            "evidence.file.zipBomb", new Object[] {"材料.zip"},
            "evidence.file.zipSlip", new Object[] {"材料.zip", "../../etc/passwd"},
            "evidence.file.zipMethod", new Object[] {"材料.zip"});

    @Test
    void chineseAndEnglishTexts_existAndShowTheirArguments() throws IOException {
        for (String bundle : new String[] {"messages/evidence.properties", "messages/evidence_en.properties"}) {
            Properties texts = load(bundle);
            KEYS.forEach((key, args) -> {
                assertThat(texts.getProperty(key)).as(bundle + " " + key).isNotBlank();
                String shown = new MessageFormat(texts.getProperty(key), Locale.ROOT).format(args);
                for (Object arg : args) {
                    assertThat(shown).as(bundle + " " + key).contains(arg.toString());
                }
            });
        }
        assertThat(load("messages/evidence.properties").getProperty("evidence.file.tooLarge"))
                .isEqualTo("文件超过大小上限 {0}。");
    }

    private static Properties load(String resource) throws IOException {
        Properties texts = new Properties();
        try (InputStream in = FileMessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return texts;
    }
}
