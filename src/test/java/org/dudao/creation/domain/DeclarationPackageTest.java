package org.dudao.creation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeclarationPackageTest {

    @Test
    void entryNamesHoldNoSeparatorsReservedCharactersOrTrailingDots() {
        assertThat(DeclarationPackage.safe("（1）_县司法局_../../etc/passwd", 150)).doesNotContain("/");
        assertThat(DeclarationPackage.safe("a:b*c?\"d<e>f|g\\h", 150)).isEqualTo("a_b_c__d_e_f_g_h");
        // Windows would unpack "报告." and "报告" into one file
        assertThat(DeclarationPackage.safe("报告. . ", 150)).isEqualTo("报告");
        assertThat(DeclarationPackage.safe("...", 150)).isEqualTo("_");
    }

    @Test
    void longNamesKeepTheirExtension() {
        String name = DeclarationPackage.safe("长".repeat(200) + ".pdf", 50);
        assertThat(name).endsWith("….pdf");
        assertThat(name.codePointCount(0, name.length())).isEqualTo(50 - ".pdf".length() + 1 + ".pdf".length());
    }

    @Test
    void manifestCellsNeutraliseEveryFormulaStarter() {
        for (String start : new String[] {"=", "+", "-", "@", "\t", "\r"}) {
            assertThat(DeclarationPackage.cell(start + "SUM(A1)")).startsWith("\"'");
        }
        assertThat(DeclarationPackage.cell("说明\"引号\"")).isEqualTo("\"说明\"\"引号\"\"\"");
    }
}
