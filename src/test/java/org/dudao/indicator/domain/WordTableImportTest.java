package org.dudao.indicator.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.dudao.indicator.IndicatorNode;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/** A Word table shaped like seed 000 附件3 (merged level cells, points inside the text) reads into a tree. */
class WordTableImportTest {

    final WordTableImport word = new WordTableImport(IndicatorWorkbookTest.PROPS);

    static final String[] HEADER = {"一级指标", "二级指标", "工作任务", "考核方式", "时间要求", "工作要求", "责任主体"};

    @Test
    void recoversLevelsTasksPointsAndMethodsFromMergedCells() throws IOException {
        byte[] docx = docx(new String[][] {
            {
                "一、依法全面履行政府职能 13分",
                "规范行政权力运行 2.5分",
                "证明事项清理情况",
                "报送资料:证明事项清理报告、《证明事项清理意见表》 1分",
                "2020-12-31",
                "凡没有法律依据的证明事项应当立即清理",
                "市政府办公室职能转变协调科"
            },
            {"", "", "建立权责清单动态调整机制", "报送资料: 权责清单动态管理办法 0.5分", "2020-12-31", "制定本级权责清单动态管理办法", "市委编办"},
            {"", "", "对权责清单运行情况的日常监管", "日常掌握 0.5分", "2020-12-31", "开展监督检查", "市委编办"},
            {"", "深化信用体系建设 2.5分", "信用信息归集共享水平", "报送资料: 公共信用信息目录 0.5分", "2020-12-31", "全量共享", "市发改委"},
            {"二、加强行政规范性文件管理 5分", "规范性文件管理 5分", "规范性文件备案审查", "集中评查 5分", "2021-01-13", "按时报备", "市司法局政策法规科"}
        });
        IndicatorWorkbook.Read read = word.read(docx);
        assertThat(read.problems()).isEmpty();
        List<IndicatorNode> roots = read.roots();
        assertThat(roots)
                .extracting(IndicatorNode::label, IndicatorNode::name)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("一、", "依法全面履行政府职能"),
                        org.assertj.core.groups.Tuple.tuple("二、", "加强行政规范性文件管理"));
        assertThat(roots.get(0).points()).isEqualByComparingTo("13");
        IndicatorNode power = roots.get(0).children().get(0);
        assertThat(power.name()).isEqualTo("规范行政权力运行");
        assertThat(power.points()).isEqualByComparingTo("2.5");
        assertThat(power.children()).hasSize(3);
        IndicatorNode first = power.children().get(0);
        assertThat(first.methods()).containsExactly("报送资料");
        assertThat(first.materials()).containsExactly("证明事项清理报告", "《证明事项清理意见表》");
        assertThat(first.points()).isEqualByComparingTo("1");
        assertThat(first.deadline()).hasToString("2020-12-31");
        assertThat(first.assessorLead()).isEqualTo("市政府办公室职能转变协调科");
        assertThat(power.children().get(2).methods()).containsExactly("日常掌握");
        assertThat(roots.get(0).children().get(1).children()).hasSize(1);
        assertThat(roots.get(1).children().get(0).children().get(0).deadline()).hasToString("2021-01-13");
    }

    @Test
    void aRowWithoutATaskIsReportedNotGuessed() throws IOException {
        byte[] docx = docx(new String[][] {
            {"一、甲 1分", "乙 1分", "任务", "日常掌握 1分", "", "", "x"},
            {"", "", "", "星象观测", "", "", ""}
        });
        assertThat(word.read(docx).problems())
                .extracting(p -> p.messageKey())
                .containsExactly("indicator.import.word.noTask");
    }

    @Test
    void aDocumentWithoutAnIndicatorTableIsRefused() throws IOException {
        XWPFDocument doc = new XWPFDocument();
        doc.createParagraph().createRun().setText("没有表格");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.write(out);
        assertThatThrownBy(() -> word.read(out.toByteArray())).hasMessage("indicator.import.noTable");
    }

    /** Builds a docx table; an empty level cell (columns 0 and 1) is a vertical merge continuing the cell above. */
    static byte[] docx(String[][] rows) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            XWPFTable table = doc.createTable(rows.length + 1, HEADER.length);
            for (int c = 0; c < HEADER.length; c++) {
                table.getRow(0).getCell(c).setText(HEADER[c]);
            }
            for (int r = 0; r < rows.length; r++) {
                XWPFTableRow row = table.getRow(r + 1);
                for (int c = 0; c < HEADER.length; c++) {
                    XWPFTableCell cell = row.getCell(c);
                    String v = rows[r][c];
                    if (c < 2) {
                        var pr = cell.getCTTc().isSetTcPr()
                                ? cell.getCTTc().getTcPr()
                                : cell.getCTTc().addNewTcPr();
                        if (v.isEmpty()) {
                            pr.addNewVMerge().setVal(STMerge.CONTINUE);
                        } else {
                            pr.addNewVMerge().setVal(STMerge.RESTART);
                        }
                    }
                    if (!v.isEmpty()) {
                        cell.setText(v);
                    }
                }
            }
            table.getCTTbl().getTblPr().addNewTblW().setW(BigInteger.valueOf(9000));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        }
    }
}
