package org.dudao.evidence.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void chineseNames_surviveUnchanged() {
        assertThat(FileNames.displayName("关于2020年度依法行政工作的报告.pdf")).isEqualTo("关于2020年度依法行政工作的报告.pdf");
        assertThat(FileNames.displayName("（附件1）县司法局　法治政府建设情况.docx")).isEqualTo("（附件1）县司法局　法治政府建设情况.docx");
    }

    @Test
    void onlyTheLastPathSegmentIsKept() {
        assertThat(FileNames.displayName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.displayName("..\\..\\Windows\\System32\\报告.pdf")).isEqualTo("报告.pdf");
        assertThat(FileNames.displayName("C:\\Users\\张三\\Desktop\\报告.pdf")).isEqualTo("报告.pdf");
        assertThat(FileNames.displayName("a/b/")).isEqualTo(FileNames.UNNAMED);
    }

    @Test
    void controlAndBidiCharacters_areRemoved() {
        assertThat(FileNames.displayName("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
        assertThat(FileNames.displayName("a\u2066b\u2069c\u200Ed\u200Fe\u200Bf\uFEFF.pdf"))
                .isEqualTo("abcdef.pdf");
        assertThat(FileNames.displayName("报\u0000告\u001B\u007F.pdf")).isEqualTo("报告.pdf");
        assertThat(FileNames.displayName("第一行\n第二行.pdf")).isEqualTo("第一行 第二行.pdf");
    }

    @Test
    void whiteSpaceIsCollapsed_andDotsAndSpacesTrimmedAtBothEnds() {
        assertThat(FileNames.displayName("  ..报告   终稿\t.pdf. . ")).isEqualTo("报告 终稿 .pdf");
        assertThat(FileNames.displayName(" . ")).isEqualTo(FileNames.UNNAMED);
        assertThat(FileNames.displayName("")).isEqualTo(FileNames.UNNAMED);
        assertThat(FileNames.displayName(null)).isEqualTo(FileNames.UNNAMED);
    }

    @Test
    void windowsForbiddenCharacters_becomeUnderscores_andDeviceNamesArePrefixed() {
        assertThat(FileNames.displayName("a<b>c:d\"e|f?g*h.pdf")).isEqualTo("a_b_c_d_e_f_g_h.pdf");
        assertThat(FileNames.displayName("CON.pdf")).isEqualTo("_CON.pdf");
        assertThat(FileNames.displayName("lpt1")).isEqualTo("_lpt1");
        assertThat(FileNames.displayName("CONTRACT.pdf")).isEqualTo("CONTRACT.pdf");
    }

    @Test
    void namesAreNfcNormalised() {
        assertThat(FileNames.displayName("Cafe\u0301.pdf")).isEqualTo("Caf\u00E9.pdf");
    }

    @Test
    void longNames_areCutTo120CharactersKeepingTheExtension() {
        String shown = FileNames.displayName("a".repeat(300) + ".docx");
        assertThat(shown).hasSize(120).endsWith("a.docx");
        String emoji = FileNames.displayName("😀".repeat(200) + ".pdf");
        assertThat(emoji.codePointCount(0, emoji.length())).isEqualTo(120);
        assertThat(emoji).endsWith("😀.pdf");
    }

    @Test
    void extension_isTheLowercaseFinalPart_whenItLooksLikeOne() {
        assertThat(FileNames.extension("报告.PDF")).isEqualTo("pdf");
        assertThat(FileNames.extension("a.tar.zip")).isEqualTo("zip");
        assertThat(FileNames.extension("报告")).isEmpty();
        assertThat(FileNames.extension("会议纪要 v1.0 定稿")).isEmpty();
        assertThat(FileNames.extension("报告.")).isEmpty();
        assertThat(FileNames.extension(".pdf")).isEmpty();
    }

    @Test
    void innerExtensions_areThePartsBetweenBaseAndExtension() {
        assertThat(FileNames.innerExtensions("通知.exe.pdf")).containsExactly("exe");
        assertThat(FileNames.innerExtensions("a.Tar. GZ .zip")).containsExactly("tar", "gz");
        assertThat(FileNames.innerExtensions("报告.pdf")).isEmpty();
        assertThat(FileNames.innerExtensions("a.exe.2 final")).containsExactly("exe", "2 final");
    }
}
