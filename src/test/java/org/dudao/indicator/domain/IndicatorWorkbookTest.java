package org.dudao.indicator.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dudao.indicator.BuiltinSystem;
import org.dudao.indicator.IndicatorSystemView;
import org.dudao.indicator.IndicatorTree;
import org.dudao.indicator.RowProblem;
import org.dudao.indicator.SystemStatus;
import org.dudao.shared.DudaoProperties;
import org.dudao.shared.error.InvalidInputException;
import org.dudao.support.TestFiles;
import org.junit.jupiter.api.Test;

/** The xlsx layout: every built-in survives export → import unchanged; bad files get row-level messages. */
class IndicatorWorkbookTest {

    static final DudaoProperties PROPS = TestFiles.properties(5 * 1024 * 1024, 5000, 100 * 1024 * 1024);

    final IndicatorWorkbook workbook = new IndicatorWorkbook(PROPS);
    final BuiltinCatalogue catalogue = new BuiltinCatalogue();

    @Test
    void everyBuiltinSystemRoundTripsThroughExcelUnchanged() {
        for (BuiltinSystem b : catalogue.all()) {
            if (!b.available()) {
                continue;
            }
            IndicatorTree tree = new IndicatorTree(view(b), catalogue.tree(b));
            IndicatorWorkbook.Read read = workbook.read(workbook.export(tree));
            assertThat(read.problems()).as(b.meta().code()).isEmpty();
            assertThat(TreeDiff.diff(tree.roots(), read.roots()))
                    .as(b.meta().code())
                    .isEmpty();
            assertThat(read.meta().code()).isEqualTo(b.meta().code());
            assertThat(read.meta().name()).isEqualTo(b.meta().name());
            assertThat(read.meta().kind()).isEqualTo(b.meta().kind());
        }
    }

    @Test
    void badCellsAreReportedByRowAndColumn() throws IOException {
        byte[] file = edit(workbook.template(), sheet -> {
            var r1 = sheet.getRow(1);
            // columns: 1级序号/指标/分值 0-2, 2级 3-5, then 类型 6, 序号 7, 工作任务 8, 分值 9, 考核方式 11
            row(sheet, 2, r1, 9, "abc"); // 分值 not a number
            row(sheet, 3, r1, 9, "-1");
            row(sheet, 4, r1, 9, "1.255");
            var r5 = row(sheet, 5, r1, 9, "1");
            r5.removeCell(r5.getCell(0)); // 1级指标 empty but 2级 filled
            r5.removeCell(r5.getCell(1));
            r5.removeCell(r5.getCell(2));
            row(sheet, 6, r1, 11, "星象观测"); // 考核方式 unknown
        });
        List<RowProblem> problems = workbook.read(file).problems();
        assertThat(problems)
                .extracting(RowProblem::row, RowProblem::messageKey)
                .contains(
                        org.assertj.core.groups.Tuple.tuple(3, "indicator.import.pointsNotNumber"),
                        org.assertj.core.groups.Tuple.tuple(4, "indicator.import.pointsNegative"),
                        org.assertj.core.groups.Tuple.tuple(5, "indicator.import.pointsDecimals"),
                        org.assertj.core.groups.Tuple.tuple(6, "indicator.import.parentMissing"),
                        org.assertj.core.groups.Tuple.tuple(7, "indicator.import.unknownMethod"));
        assertThat(problems)
                .filteredOn(p -> p.row() == 3)
                .extracting(RowProblem::column)
                .containsOnly("分值");
    }

    @Test
    void repeatedLabelsAndALeafUnderALeafAreRefused() throws IOException {
        byte[] file = edit(workbook.template(), sheet -> {
            var r1 = sheet.getRow(1);
            r1.createCell(7).setCellValue("1.");
            var r2 = row(sheet, 2, r1, 9, "1");
            r2.getCell(8).setCellValue("另一个任务");
            // an indicator listed under a task (a leaf under a leaf)
            var indicators = sheet.getWorkbook().getSheet("指标说明");
            var bad = indicators.createRow(indicators.getLastRowNum() + 1);
            bad.createCell(0).setCellValue("一、依法全面履行政府职能 / 规范行政权力运行 / 证明事项清理情况 / 子指标");
            bad.createCell(1).setCellValue("指标");
            bad.createCell(3).setCellValue("子指标");
        });
        assertThat(workbook.read(file).problems())
                .extracting(RowProblem::row, RowProblem::messageKey)
                .contains(
                        org.assertj.core.groups.Tuple.tuple(3, "indicator.import.duplicateLabel"),
                        org.assertj.core.groups.Tuple.tuple(4, "indicator.import.parentNotFound"));
    }

    @Test
    void formulaLikeCellsAreExportedEscapedAndReadBackAsTyped() throws IOException {
        var t = new IndicatorTree(
                view(catalogue.all().get(0)),
                List.of(IndicatorNodes.indicator(
                        "一、", "=SUM(A1)", "1", IndicatorNodes.task("+cmd|' /C calc'!A0", "1", "报送资料", "@x"))));
        byte[] bytes = workbook.export(t);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertThat(wb.getSheet("指标体系").getRow(1).getCell(1).getStringCellValue())
                    .isEqualTo("'=SUM(A1)");
        }
        IndicatorWorkbook.Read read = workbook.read(bytes);
        assertThat(read.roots().get(0).name()).isEqualTo("=SUM(A1)");
        assertThat(read.roots().get(0).children().get(0).assessorLead()).isEqualTo("@x");
    }

    @Test
    void emptyEncryptedNonXlsxAndZipBombFilesAreRefused() throws IOException {
        assertThatThrownBy(() -> workbook.read(new byte[0]))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("import.empty");
        assertThatThrownBy(() -> workbook.read(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0}))
                .hasMessage("indicator.import.encryptedOrOld");
        assertThatThrownBy(() -> workbook.read("a,b".getBytes())).hasMessage("import.notXlsx");
        byte[] oversized = new byte[6 * 1024 * 1024];
        oversized[0] = 'P';
        oversized[1] = 'K';
        assertThatThrownBy(() -> workbook.read(oversized)).hasMessage("import.tooLarge");
        assertThatThrownBy(() -> workbook.read(TestFiles.zipBomb(workbook.template())))
                .hasMessage("import.unreadable");
        byte[] wrongHeader =
                edit(workbook.template(), sheet -> sheet.getRow(0).getCell(9).setCellValue("类别"));
        assertThatThrownBy(() -> workbook.read(wrongHeader)).hasMessage("import.badHeader");
    }

    // ---------------------------------------------------------------------------------------------

    static IndicatorSystemView view(BuiltinSystem b) {
        var m = b.meta();
        return new IndicatorSystemView(
                1,
                m.code(),
                m.name(),
                m.year(),
                m.documentNo(),
                m.kind(),
                m.source(),
                m.categories(),
                1,
                SystemStatus.PUBLISHED,
                null,
                1,
                m.code(),
                Instant.EPOCH);
    }

    interface SheetEdit {
        void apply(XSSFSheet sheet);
    }

    static byte[] edit(byte[] xlsx, SheetEdit edit) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            edit.apply(wb.getSheet("指标体系"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** Copies row 1 into a new row, with one cell changed. */
    static org.apache.poi.ss.usermodel.Row row(
            XSSFSheet sheet, int index, org.apache.poi.ss.usermodel.Row from, int col, String value) {
        var r = sheet.createRow(index);
        for (int c = 0; c < from.getLastCellNum(); c++) {
            var cell = from.getCell(c);
            if (cell != null) {
                r.createCell(c).setCellValue(cell.getStringCellValue());
            }
        }
        r.createCell(col).setCellValue(value);
        r.createCell(8).setCellValue("任务" + index);
        return r;
    }
}
