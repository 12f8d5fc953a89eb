package org.dudao.report.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;

/**
 * The documents as files, without a database: composed from {@link DocumentSamples}, written as docx and
 * reopened with POI (content, GB/T 9704 layout, East-Asian fonts and their fallbacks), and laid out by the
 * OpenPDF fallback (always: it needs only a CJK font, which {@code .ci/run} installs). The files are also
 * written to {@code target/document-samples/} for a look.
 */
class OfficialDocumentTest {

    static final Path SAMPLES = Path.of("target/document-samples");

    @Test
    void resultsNotice_hasTheRedHeadNumberTitleAddresseesListsAndResultTable() throws IOException {
        byte[] docx = DocxWriter.write(ResultsNotice.compose(DocumentSamples.facts(true)));
        save("results-notice.docx", docx);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            String text = extractor.getText();
            assertThat(text)
                    .contains("平顶山市法治政府建设领导小组办公室")
                    .contains(DocumentSamples.DOC_NO)
                    .contains("关于2026年度考核（文书样例）结果的通报")
                    .contains("各县（市、区）人民政府，市直各有关单位：")
                    .contains("根据《2026年度考核（文书样例）实施方案》（平法政办〔2020〕21号）")
                    .contains("评定为优秀等次3个，良好等次2个，合格等次2个，不合格等次1个")
                    .contains("优秀（1个）：舞钢市人民政府。")
                    .contains("第1名舞钢市人民政府；第2名宝丰县人民政府；第3名郏县人民政府；第4名鲁山县人民政府；第5名叶县人民政府。")
                    .contains("排名后2位（含并列）的单位：县区政府：鲁山县人民政府、叶县人民政府；部门2：市司法局")
                    .contains("排名大幅退步的单位（1个）：郏县人民政府")
                    .contains("连续两年评定为优秀等次的单位（1个）：舞钢市人民政府")
                    .contains("请各单位于12月底前报送整改情况。")
                    .contains("特此通报。")
                    .contains("附件：2026年度考核（文书样例）结果汇总表")
                    .contains("2026年11月22日")
                    .contains("抄送：市纪委监委，市委组织部。")
                    .contains("2026年11月22日印发");

            // 版头: the mark in red 小标宋, the red line under the 文号
            XWPFParagraph head = doc.getParagraphs().get(0);
            XWPFRun mark = head.getRuns().get(0);
            assertThat(mark.getColor()).isEqualTo("FF0000");
            assertThat(mark.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("方正小标宋简体");
            assertThat(head.getSpacingBefore()).isEqualTo(Gb9704.twips(35));
            XWPFParagraph number = doc.getParagraphs().get(1);
            assertThat(number.getText()).isEqualTo(DocumentSamples.DOC_NO);
            assertThat(number.getCTPPr().getPBdr().getBottom().xmlText()).contains("w:color=\"FF0000\"");
            // title 二号 小标宋; body 三号 仿宋_GB2312 at 28.95 pt a line, two characters in; headings 黑体 and 楷体
            XWPFParagraph title = paragraph(doc, "关于2026年度考核");
            assertThat(title.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(22.0);
            assertThat(title.getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.eastAsia))
                    .isEqualTo("方正小标宋简体");
            XWPFParagraph body = paragraph(doc, "根据《");
            assertThat(body.getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.eastAsia))
                    .isEqualTo("仿宋_GB2312");
            assertThat(body.getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.ascii))
                    .isEqualTo("Times New Roman");
            assertThat(body.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(16.0);
            assertThat(body.getSpacingBetween()).isEqualTo(28.95);
            assertThat(body.getIndentationFirstLine()).isEqualTo(640);
            assertThat(body.getRuns().get(0).getCTR().getRPr().getLangArray(0).getEastAsia())
                    .isEqualTo("zh-CN");
            assertThat(paragraph(doc, "一、考核基本情况").getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.eastAsia))
                    .isEqualTo("黑体");
            assertThat(paragraph(doc, "（一）县区政府").getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.eastAsia))
                    .isEqualTo("楷体_GB2312");
            // the authority (17 characters) two characters in from the right, the date (7) centred under it
            XWPFParagraph date = paragraph(doc, "2026年11月22日");
            assertThat(date.getIndentationRight()).isEqualTo(7 * 320);
            assertThat(paragraph(doc, "平顶山市法治政府建设领导小组办公室", 1).getIndentationRight())
                    .isEqualTo(2 * 320);

            // A4, 天头 37 mm, 订口 28 mm
            var sect = doc.getDocument().getBody().getSectPr();
            assertThat(sect.getPgSz().getW().toString()).isEqualTo("11906");
            assertThat(sect.getPgSz().getH().toString()).isEqualTo("16838");
            assertThat(sect.getPgMar().getTop().toString()).isEqualTo(String.valueOf(Gb9704.twips(37)));
            assertThat(sect.getPgMar().getLeft().toString()).isEqualTo(String.valueOf(Gb9704.twips(28)));
            // page numbers as a PAGE field in both footers, odd right and even left
            assertThat(doc.getFooterList()).hasSize(2);
            assertThat(doc.getFooterList()
                            .get(0)
                            .getParagraphs()
                            .get(0)
                            .getCTP()
                            .xmlText())
                    .contains("PAGE");
            // the font table names an installed alternate for every Chinese font
            PackagePart fonts = doc.getPackage()
                    .getPartsByContentType(
                            "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml")
                    .get(0);
            String fontXml = new String(fonts.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(fontXml)
                    .contains("w:name=\"仿宋_GB2312\"><w:altName w:val=\"仿宋\"/>")
                    .contains("w:name=\"方正小标宋简体\"><w:altName w:val=\"宋体\"/>")
                    .contains("w:charset w:val=\"86\"");

            // the attachment table: every target with its scores, level and rank
            XWPFTable table = doc.getTables().get(0);
            assertThat(table.getRow(0).getCell(1).getText()).isEqualTo("考核对象");
            XWPFTableRow lushan = row(table, "鲁山县人民政府");
            assertThat(lushan.getCell(3).getText()).isEqualTo("75.25");
            assertThat(lushan.getCell(5).getText()).isEqualTo("2.00");
            assertThat(lushan.getCell(6).getText()).isEqualTo("73.25");
            assertThat(lushan.getCell(7).getText()).isEqualTo("合格");
            assertThat(lushan.getCell(8).getText()).isEqualTo("4");
            assertThat(table.getRows()).hasSize(1 + 8);
            assertThat(table.getRow(0).isRepeatHeader()).isTrue();
        }
    }

    @Test
    void annualReport_givesTheFiguresPerCategoryInTablesAndCharts() throws IOException {
        CampaignFacts f = DocumentSamples.facts(true);
        java.util.Map<Long, Breakdown> breakdowns = java.util.Map.of(104L, DocumentSamples.breakdown());
        OfficialDocument report = AnnualReport.compose(new AnnualReport.Inputs(
                f,
                breakdowns,
                List.of(DocumentSamples.problem(501, 104, "重大行政决策未经合法性审查。", "CONFIRMED")),
                List.of(),
                true));
        byte[] docx = DocxWriter.write(report);
        save("annual-report.docx", docx);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            String text = extractor.getText();
            assertThat(text)
                    .contains("关于2026年度考核（文书样例）情况的报告")
                    .contains("平法政办〔2026〕13号")
                    .contains("市法治政府建设领导小组：")
                    .contains("共设考核任务105项")
                    .contains("已经考核工作领导小组审定并公布")
                    .contains("共向1个单位反馈问题1个")
                    .contains("特此报告。");
            XWPFTable scores = doc.getTables().get(0);
            XWPFTableRow counties = row(scores, "县区政府");
            // (97 + 88.5 + 82 + 73.25 + 58) / 5 = 79.75
            assertThat(counties.getCell(1).getText()).isEqualTo("5");
            assertThat(counties.getCell(2).getText()).isEqualTo("60");
            assertThat(counties.getCell(3).getText()).isEqualTo("79.75");
            assertThat(counties.getCell(4).getText()).isEqualTo("97.00");
            assertThat(counties.getCell(5).getText()).isEqualTo("58.00");
            XWPFTable levels = doc.getTables().get(1);
            assertThat(levels.getRow(0).getCell(1).getText()).isEqualTo("优秀");
            XWPFTableRow total = row(levels, "合计");
            assertThat(total.getCell(1).getText()).isEqualTo("3");
            assertThat(total.getCell(5).getText()).isEqualTo("8");
            // the lost points of 鲁山县 by level-1 indicator: 三、行政执法 6, 二、制度建设 0.8 + 2
            XWPFTable lost = doc.getTables().get(3);
            assertThat(lost.getRow(1).getCell(2).getText()).isEqualTo("三、行政执法");
            assertThat(lost.getRow(1).getCell(4).getText()).isEqualTo("6.00");
            assertThat(lost.getRow(2).getCell(4).getText()).isEqualTo("2.80");
            if (Charts.family().isPresent()) {
                assertThat(doc.getAllPictures()).hasSize(2);
                assertThat(text).contains("图1  各类别考核得分情况");
            }
        }
    }

    @Test
    void feedbackLetter_listsThatTargetsLostPointsReasonsAndProblems() throws IOException {
        byte[] docx = DocxWriter.write(TargetLetters.feedbackLetter(DocumentSamples.letterInputs()));
        save("feedback-letter.docx", docx);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            String text = extractor.getText();
            assertThat(text)
                    .contains("2026年度考核（文书样例）反馈意见书")
                    .contains("鲁山县人民政府：")
                    .contains("你单位考核得分73.25分")
                    .contains("考核等次为合格，在县区政府中排名第4名（共5个单位）")
                    .contains("共有3项考核任务未得满分，合计失分8.80分")
                    .contains("减分：行政诉讼败诉，计2.00分")
                    .contains("1. 重大行政决策未经合法性审查。")
                    .contains("5个工作日内")
                    .doesNotContain("政务公开栏目更新不及时")
                    .doesNotContain(DocumentSamples.DOC_NO);
            XWPFTable table = doc.getTables().get(0);
            assertThat(table.getRows()).hasSize(4);
            assertThat(table.getRow(1).getCell(1).getText()).contains("2.规范性文件备案审查");
            assertThat(table.getRow(1).getCell(3).getText()).isEqualTo("良");
            assertThat(table.getRow(1).getCell(5).getText()).isEqualTo("0.80");
            assertThat(table.getRow(1).getCell(6).getText()).isEqualTo("2件规范性文件未按期报备");
            assertThat(table.getRow(1).getCell(7).getText()).isEqualTo("市司法局法规科（李明）");
            assertThat(table.getRow(3).getCell(6).getText()).isEqualTo("执法全过程记录未落实");
            // 信函格式: the red head at the top, a double red line under it, no 文号
            XWPFParagraph head = doc.getParagraphs().get(0);
            assertThat(head.getSpacingBefore()).isLessThanOrEqualTo(0);
            assertThat(head.getCTPPr().getPBdr().getBottom().xmlText()).contains("w:color=\"FF0000\"");
        }
    }

    @Test
    void recommendationLetterIsFor合格AndBelow_andNamesTheWeakIndicators() throws IOException {
        assertThat(TargetLetters.recommendationLevels(List.of("优秀", "良好", "合格", "不合格")))
                .containsExactly("合格", "不合格");
        assertThat(TargetLetters.recommendationLevels(List.of("A", "B", "C"))).containsExactly("C");
        byte[] docx = DocxWriter.write(TargetLetters.recommendationLetter(DocumentSamples.letterInputs()));
        save("recommendation-letter.docx", docx);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            assertThat(extractor.getText())
                    .contains("法治建议书")
                    .contains("考核等次为合格")
                    .contains("（一）三、行政执法方面失分较多")
                    .contains("执法全过程记录未落实")
                    .contains("30日内");
        }
    }

    @Test
    void rectificationNoticeListsTheConfirmedProblemsWithTheirDeadlines() throws IOException {
        byte[] docx = DocxWriter.write(TargetLetters.rectificationNotice(DocumentSamples.letterInputs()));
        save("rectification-notice.docx", docx);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            assertThat(extractor.getText())
                    .contains("关于鲁山县人民政府限期整改2026年度考核（文书样例）反馈问题的通知")
                    .contains("于2026年12月31日前完成整改")
                    .doesNotContain("政务公开栏目更新不及时");
            XWPFTable table = doc.getTables().get(0);
            assertThat(table.getRows()).hasSize(2);
            assertThat(table.getRow(1).getCell(1).getText()).isEqualTo("重大行政决策未经合法性审查。");
            assertThat(table.getRow(1).getCell(4).getText()).isEqualTo("2026年12月15日");
            assertThat(table.getRow(1).getCell(5).getText()).isEqualTo("整改中");
        }
    }

    @Test
    void openPdfFallback_laysOutTheSameContentInACjkFont() throws IOException {
        PdfFonts fonts = PdfFonts.load(null)
                .orElseThrow(() -> new AssertionError(
                        "no CJK font for the OpenPDF fallback: install fonts-noto-cjk (.ci/run does)"));
        OfficialDocument notice = ResultsNotice.compose(DocumentSamples.facts(true));
        byte[] pdf = new OpenPdfWriter(fonts).write(notice);
        save("results-notice-openpdf.pdf", pdf);
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        PdfReader reader = new PdfReader(pdf);
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        StringBuilder all = new StringBuilder();
        for (int p = 1; p <= reader.getNumberOfPages(); p++) {
            all.append(extractor.getTextFromPage(p));
        }
        String text = all.toString().replaceAll("\\s+", "");
        assertThat(text)
                .contains("平顶山市法治政府建设领导小组办公室")
                .contains(DocumentSamples.DOC_NO)
                .contains("关于2026年度考核（文书样例）结果的通报")
                .contains("第1名舞钢市人民政府")
                .contains("鲁山县人民政府")
                .contains("73.25")
                .contains("抄送：市纪委监委，市委组织部。")
                .contains("—1—");
        assertThat(reader.getNumberOfPages()).isGreaterThanOrEqualTo(2); // the attachment on a page of its own
        // the annual report's charts go into the PDF as well
        byte[] report = new OpenPdfWriter(fonts)
                .write(AnnualReport.compose(new AnnualReport.Inputs(
                        DocumentSamples.facts(true), java.util.Map.of(), List.of(), List.of(), true)));
        save("annual-report-openpdf.pdf", report);
        assertThat(new String(report, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void tiedTargetsShareTheirRankInTheRanking() {
        List<org.dudao.scoring.ResultView> tied = List.of(
                DocumentSamples.result(1, "部门1", "市委网信办", "100", "0", "0", "100", "优秀", 1),
                DocumentSamples.result(2, "部门1", "市新闻出版局", "100", "0", "0", "100", "优秀", 1),
                DocumentSamples.result(3, "部门1", "市委机要保密局", "90", "0", "0", "90", "优秀", 3));
        assertThat(ResultsNotice.ranking(tied)).isEqualTo("并列第1名：市委网信办、市新闻出版局；第3名市委机要保密局。");
    }

    @Test
    void datesNumbersNamesAndIndents() {
        assertThat(DocumentText.date(LocalDate.of(2026, 11, 22), false)).isEqualTo("2026年11月22日");
        assertThat(DocumentText.date(LocalDate.of(2026, 11, 22), true)).isEqualTo("二〇二六年十一月二十二日");
        assertThat(DocumentText.date(LocalDate.of(2030, 1, 10), true)).isEqualTo("二〇三〇年一月十日");
        assertThat(DocumentText.numeral(1)).isEqualTo("一");
        assertThat(DocumentText.numeral(10)).isEqualTo("十");
        assertThat(DocumentText.numeral(21)).isEqualTo("二十一");
        assertThat(DocumentSettingsService.fullName("平顶山市", "市法治政府建设领导小组办公室")).isEqualTo("平顶山市法治政府建设领导小组办公室");
        assertThat(DocumentSettingsService.fullName("鲁山县", "鲁山县委全面依法治县委员会办公室")).isEqualTo("鲁山县委全面依法治县委员会办公室");
        assertThat(DocumentSettingsService.defaultNumber("平法政办〔2020〕21号", 2026)).isEqualTo("平法政办〔2026〕号");
        assertThat(DocumentSettingsService.defaultNumber(null, 2026)).isNull();
        // 2026年11月22日 is 7 characters wide, the authority 17: the authority two in, the date centred under it
        assertThat(Gb9704.signatureIndents("平顶山市法治政府建设领导小组办公室", "2026年11月22日")).containsExactly(2.0, 7.0);
        assertThat(Gb9704.signatureIndents("市司法局", "2026年11月22日")).containsExactly(5.5, 4.0);
        // a 17-character mark fits at 25 pt; 30 characters are condensed at 二号
        assertThat(Gb9704.mastheadSize("平顶山市法治政府建设领导小组办公室")).isEqualTo(25.0);
        assertThat(Gb9704.mastheadScale("平顶山市法治政府建设领导小组办公室")).isEqualTo(100);
        assertThat(Gb9704.mastheadScale("中共平顶山市委全面依法治市委员会办公室平顶山市法治政府建设领导小组办公室")).isLessThan(100);
        assertThat(LibreOffice.fontconfig())
                .contains("<family>仿宋_GB2312</family><accept><family>仿宋</family>")
                .contains("Noto Serif CJK SC");
        assertThat(LibreOffice.locate("none")).isEmpty();
    }

    private static XWPFParagraph paragraph(XWPFDocument doc, String start) {
        return paragraph(doc, start, 0);
    }

    /** The n-th (from 0) paragraph whose text starts so. */
    private static XWPFParagraph paragraph(XWPFDocument doc, String start, int n) {
        int seen = 0;
        for (IBodyElement e : doc.getBodyElements()) {
            if (e instanceof XWPFParagraph p && p.getText().startsWith(start) && seen++ == n) {
                return p;
            }
        }
        throw new AssertionError("no paragraph starting with " + start);
    }

    private static XWPFTableRow row(XWPFTable table, String first) {
        for (XWPFTableRow r : table.getRows()) {
            if (r.getCell(0).getText().equals(first) || r.getCell(1).getText().equals(first)) {
                return r;
            }
        }
        throw new AssertionError("no row with " + first);
    }

    private static void save(String name, byte[] bytes) throws IOException {
        Files.createDirectories(SAMPLES);
        Files.write(SAMPLES.resolve(name), bytes);
    }
}
