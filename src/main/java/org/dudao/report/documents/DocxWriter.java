package org.dudao.report.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.poi.common.usermodel.PictureType;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.util.Units;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.dudao.report.documents.OfficialDocument.Attachment;
import org.dudao.report.documents.OfficialDocument.Block;
import org.dudao.report.documents.OfficialDocument.Figure;
import org.dudao.report.documents.OfficialDocument.Heading;
import org.dudao.report.documents.OfficialDocument.Layout;
import org.dudao.report.documents.OfficialDocument.Masthead;
import org.dudao.report.documents.OfficialDocument.Paragraph;
import org.dudao.report.documents.OfficialDocument.Table;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTabStop;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHint;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;

/**
 * Writes an {@link OfficialDocument} as .docx with Apache POI (XWPF) directly, laid out by GB/T 9704-2012
 * (see {@link Gb9704}). Every run names its East-Asian font (the {@code w:eastAsia} slot, with the
 * {@code eastAsia} hint so that quotes and colons take it too) and Times New Roman for Latin letters and
 * digits, and carries the language zh-CN; the font table declares an alternate name for every Chinese
 * font ({@code w:altName}: 仿宋_GB2312 → 仿宋, 方正小标宋简体 → 宋体, ...) for computers without them.
 * Direct formatting only: no template file, no styles to drift.
 */
public final class DocxWriter {

    private static final String FONT_TABLE_TYPE =
            "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml";
    private static final String FONT_TABLE_REL =
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable";

    private static final int CHAR = Gb9704.twipsOfPoints(Gb9704.BODY_PT);
    private static final int LINE = Gb9704.twipsOfPoints(Gb9704.LINE_PT);
    private static final int TYPE_WIDTH = Gb9704.twips(Gb9704.TYPE_WIDTH_MM);

    private DocxWriter() {}

    public static byte[] write(OfficialDocument d) {
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            page(doc);
            defaults(doc);
            fontTable(doc);
            footers(doc);
            doc.getProperties().getCoreProperties().setTitle(d.title());
            if (d.masthead() != null) {
                doc.getProperties().getCoreProperties().setCreator(d.masthead().authority());
                masthead(doc, d.masthead());
            }
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            exact(title);
            title.setSpacingBefore(d.masthead() == null ? 0 : 2 * LINE);
            run(title, d.title(), Gb9704.XIAOBIAOSONG, Gb9704.TITLE_PT, false, null);
            if (d.addressee() != null && !d.addressee().isBlank()) {
                XWPFParagraph to = doc.createParagraph();
                exact(to);
                to.setAlignment(ParagraphAlignment.BOTH);
                to.setSpacingBefore(LINE);
                run(to, d.addressee().strip() + "：", Gb9704.FANGSONG, Gb9704.BODY_PT, false, null);
            } else {
                blank(doc);
            }
            blocks(doc, d.body());
            // the signature never stands alone on a page: the last paragraph and the 附件说明 keep with it
            List<XWPFParagraph> all = doc.getParagraphs();
            if (d.signature() != null && !all.isEmpty()) {
                all.get(all.size() - 1).setKeepNext(true);
            }
            attachmentNote(doc, d.attachments());
            if (d.signature() != null) {
                signature(doc, d.signature());
            }
            int n = 1;
            for (Attachment a : d.attachments()) {
                attachment(doc, a, d.attachments().size() == 1 ? "附件" : "附件" + n);
                n++;
            }
            if (d.imprint() != null) {
                imprint(doc, d.imprint());
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ page, defaults, fonts

    private static void page(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr()
                ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(Gb9704.twips(Gb9704.PAGE_WIDTH_MM)));
        size.setH(BigInteger.valueOf(Gb9704.twips(Gb9704.PAGE_HEIGHT_MM)));
        CTPageMar mar = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(Gb9704.twips(Gb9704.MARGIN_TOP_MM)));
        mar.setBottom(BigInteger.valueOf(Gb9704.twips(Gb9704.MARGIN_BOTTOM_MM)));
        mar.setLeft(BigInteger.valueOf(Gb9704.twips(Gb9704.MARGIN_LEFT_MM)));
        mar.setRight(BigInteger.valueOf(Gb9704.twips(Gb9704.MARGIN_RIGHT_MM)));
        mar.setHeader(BigInteger.valueOf(Gb9704.twips(15)));
        // the page number's dash 7 mm below the type area: the footer starts about 23 mm above the edge
        mar.setFooter(BigInteger.valueOf(Gb9704.twips(Gb9704.MARGIN_BOTTOM_MM - Gb9704.PAGE_NUMBER_GAP_MM - 5)));
        mar.setGutter(BigInteger.ZERO);
    }

    private static void defaults(XWPFDocument doc) {
        var styles = doc.createStyles();
        CTFonts fonts = CTFonts.Factory.newInstance();
        fonts.setAscii(Gb9704.LATIN);
        fonts.setHAnsi(Gb9704.LATIN);
        fonts.setCs(Gb9704.LATIN);
        fonts.setEastAsia(Gb9704.FANGSONG);
        styles.setDefaultFonts(fonts);
        styles.setSpellingLanguage("en-US");
        styles.setEastAsia("zh-CN");
    }

    /**
     * The font table ({@code word/fontTable.xml}) with an alternate name (w:altName) and the GB2312 character
     * set for every Chinese font, which Word and WPS use where the font itself is not installed.
     */
    private static void fontTable(XWPFDocument doc) throws InvalidFormatException, IOException {
        StringBuilder xml =
                new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:fonts xmlns:w=\""
                        + "http://schemas.openxmlformats.org/wordprocessingml/2006/main\">");
        for (Map.Entry<String, List<String>> e : Gb9704.FALLBACKS.entrySet()) {
            boolean sans = e.getKey().equals(Gb9704.HEITI);
            xml.append("<w:font w:name=\"")
                    .append(e.getKey())
                    .append("\"><w:altName w:val=\"")
                    .append(e.getValue().get(0))
                    .append("\"/><w:charset w:val=\"86\"/><w:family w:val=\"")
                    .append(sans ? "modern" : "roman")
                    .append("\"/><w:pitch w:val=\"")
                    .append(sans ? "fixed" : "variable")
                    .append("\"/></w:font>");
        }
        xml.append("<w:font w:name=\"")
                .append(Gb9704.LATIN)
                .append("\"><w:panose1 w:val=\"02020603050405020304\"/><w:charset w:val=\"00\"/>"
                        + "<w:family w:val=\"roman\"/><w:pitch w:val=\"variable\"/></w:font></w:fonts>");
        PackagePartName name = PackagingURIHelper.createPartName("/word/fontTable.xml");
        PackagePart part = doc.getPackage().createPart(name, FONT_TABLE_TYPE);
        try (OutputStream os = part.getOutputStream()) {
            os.write(xml.toString().getBytes(StandardCharsets.UTF_8));
        }
        doc.getPackagePart().addRelationship(name, TargetMode.INTERNAL, FONT_TABLE_REL);
    }

    /** "— 1 —" in 四号 宋体: odd pages on the right, even pages on the left, one character in. */
    private static void footers(XWPFDocument doc) {
        doc.setEvenAndOddHeadings(true);
        footer(doc.createFooter(HeaderFooterType.DEFAULT), true);
        footer(doc.createFooter(HeaderFooterType.EVEN), false);
    }

    private static void footer(XWPFFooter footer, boolean odd) {
        XWPFParagraph p = footer.getParagraphs().isEmpty()
                ? footer.createParagraph()
                : footer.getParagraphs().get(0);
        int oneChar = Gb9704.twipsOfPoints(Gb9704.SMALL_PT);
        if (odd) {
            p.setAlignment(ParagraphAlignment.RIGHT);
            p.setIndentationRight(oneChar);
        } else {
            p.setAlignment(ParagraphAlignment.LEFT);
            p.setIndentationLeft(oneChar);
        }
        run(p, "— ", Gb9704.SONGTI, Gb9704.SMALL_PT, false, null).setFontFamily(Gb9704.SONGTI);
        CTSimpleField field = p.getCTP().addNewFldSimple();
        field.setInstr(" PAGE ");
        CTR r = field.addNewR();
        CTRPr pr = r.addNewRPr();
        CTFonts f = pr.addNewRFonts();
        f.setAscii(Gb9704.SONGTI);
        f.setHAnsi(Gb9704.SONGTI);
        f.setEastAsia(Gb9704.SONGTI);
        pr.addNewSz().setVal(BigInteger.valueOf(Math.round(Gb9704.SMALL_PT * 2)));
        r.addNewT().setStringValue("1");
        run(p, " —", Gb9704.SONGTI, Gb9704.SMALL_PT, false, null).setFontFamily(Gb9704.SONGTI);
    }

    // ------------------------------------------------------------------ the parts

    private static void masthead(XWPFDocument doc, Masthead m) {
        XWPFParagraph head = doc.createParagraph();
        head.setAlignment(ParagraphAlignment.CENTER);
        head.setSpacingBetween(1.0, LineSpacingRule.AUTO);
        if (m.layout() == Layout.FILE) {
            head.setSpacingBefore(Gb9704.twips(Gb9704.MASTHEAD_GAP_MM));
        }
        run(
                head,
                m.authority(),
                Gb9704.XIAOBIAOSONG,
                Gb9704.mastheadSize(m.authority()),
                false,
                Gb9704.RED,
                Gb9704.mastheadScale(m.authority()));
        boolean hasNo = m.documentNo() != null && !m.documentNo().isBlank();
        if (m.layout() == Layout.FILE) {
            // 文号 two lines below the mark, the red line 4 mm below the 文号
            XWPFParagraph no = doc.createParagraph();
            no.setAlignment(ParagraphAlignment.CENTER);
            exact(no);
            no.setSpacingBefore(2 * LINE);
            run(no, hasNo ? m.documentNo() : "", Gb9704.FANGSONG, Gb9704.BODY_PT, false, null);
            redLine(no, Borders.SINGLE, 12);
        } else {
            redLine(head, Borders.THICK_THIN_SMALL_GAP, 18);
            if (hasNo) {
                XWPFParagraph no = doc.createParagraph();
                no.setAlignment(ParagraphAlignment.RIGHT);
                exact(no);
                run(no, m.documentNo(), Gb9704.FANGSONG, Gb9704.BODY_PT, false, null);
            }
        }
    }

    private static void redLine(XWPFParagraph p, Borders style, int eighthsOfPoint) {
        p.setBorderBottom(style);
        CTBorder b = p.getCTP().getPPr().getPBdr().getBottom();
        b.setColor(Gb9704.RED);
        b.setSz(BigInteger.valueOf(eighthsOfPoint));
        b.setSpace(BigInteger.valueOf(Math.round(Gb9704.RED_LINE_GAP_MM * Gb9704.POINTS_PER_MM)));
    }

    private static void blocks(XWPFDocument doc, List<Block> blocks) throws IOException, InvalidFormatException {
        for (Block b : blocks) {
            if (b instanceof Paragraph p) {
                for (String line : p.text().split("\\R")) {
                    body(doc, line);
                }
            } else if (b instanceof Heading h) {
                heading(doc, h);
            } else if (b instanceof Table t) {
                table(doc, t);
            } else if (b instanceof Figure f) {
                figure(doc, f);
            }
        }
    }

    private static void body(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.BOTH);
        exact(p);
        p.setIndentationFirstLine(2 * CHAR);
        run(p, text, Gb9704.FANGSONG, Gb9704.BODY_PT, false, null);
    }

    private static void heading(XWPFDocument doc, Heading h) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.BOTH);
        exact(p);
        p.setIndentationFirstLine(2 * CHAR);
        p.setKeepNext(true);
        switch (h.level()) {
            case 1 -> run(p, h.text(), Gb9704.HEITI, Gb9704.BODY_PT, false, null);
            case 2 -> run(p, h.text(), Gb9704.KAITI, Gb9704.BODY_PT, false, null);
            default -> run(p, h.text(), Gb9704.FANGSONG, Gb9704.BODY_PT, true, null);
        }
    }

    private static void table(XWPFDocument doc, Table t) {
        if (t.caption() != null) {
            XWPFParagraph c = doc.createParagraph();
            c.setAlignment(ParagraphAlignment.CENTER);
            c.setSpacingBetween(1.2, LineSpacingRule.AUTO);
            c.setSpacingBefore(LINE / 2);
            c.setSpacingAfter(LINE / 4);
            c.setKeepNext(true);
            run(c, t.caption(), Gb9704.HEITI, Gb9704.SMALL_PT, false, null);
        }
        int cols = t.headers().size();
        XWPFTable table = doc.createTable(t.rows().size() + 1, cols);
        table.setWidthType(TableWidthType.DXA);
        table.setWidth(TYPE_WIDTH);
        table.setTableAlignment(TableRowAlign.CENTER);
        table.getCTTbl().getTblPr().addNewTblLayout().setType(STTblLayoutType.FIXED);
        for (var border : List.<java.util.function.Consumer<XWPFTable>>of(
                x -> x.setTopBorder(XWPFTable.XWPFBorderType.SINGLE, 8, 0, "000000"),
                x -> x.setBottomBorder(XWPFTable.XWPFBorderType.SINGLE, 8, 0, "000000"),
                x -> x.setLeftBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000"),
                x -> x.setRightBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000"),
                x -> x.setInsideHBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000"),
                x -> x.setInsideVBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000"))) {
            border.accept(table);
        }
        table.setCellMargins(30, 60, 30, 60);
        int[] widths = widths(t.widths());
        var grid = table.getCTTbl().getTblGrid() != null
                ? table.getCTTbl().getTblGrid()
                : table.getCTTbl().addNewTblGrid();
        for (int c = 0; c < cols; c++) {
            if (c < grid.sizeOfGridColArray()) {
                grid.getGridColArray(c).setW(BigInteger.valueOf(widths[c]));
            } else {
                grid.addNewGridCol().setW(BigInteger.valueOf(widths[c]));
            }
        }
        XWPFTableRow head = table.getRow(0);
        // no cantSplit on rows: LibreOffice drops the rows after a page break when every row carries it
        head.setRepeatHeader(true);
        for (int c = 0; c < cols; c++) {
            cell(head.getCell(c), widths[c], t.headers().get(c), Gb9704.HEITI, ParagraphAlignment.CENTER);
        }
        for (int r = 0; r < t.rows().size(); r++) {
            XWPFTableRow row = table.getRow(r + 1);
            List<String> values = t.rows().get(r);
            for (int c = 0; c < cols; c++) {
                cell(
                        row.getCell(c),
                        widths[c],
                        values.get(c),
                        Gb9704.FANGSONG,
                        t.numeric()[c] ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
            }
        }
        // a little room after the table
        XWPFParagraph after = doc.createParagraph();
        after.setSpacingBetween(1.0, LineSpacingRule.AUTO);
        run(after, "", Gb9704.FANGSONG, Gb9704.TABLE_PT, false, null);
    }

    private static int[] widths(int[] relative) {
        int sum = 0;
        for (int w : relative) {
            sum += w;
        }
        int[] out = new int[relative.length];
        int used = 0;
        for (int i = 0; i < relative.length; i++) {
            out[i] = i == relative.length - 1 ? TYPE_WIDTH - used : TYPE_WIDTH * relative[i] / sum;
            used += out[i];
        }
        return out;
    }

    private static void cell(XWPFTableCell cell, int width, String text, String font, ParagraphAlignment align) {
        cell.setWidthType(TableWidthType.DXA);
        cell.setWidth(String.valueOf(width));
        cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
        XWPFParagraph p = cell.getParagraphs().get(0);
        p.setAlignment(align);
        p.setSpacingBetween(1.0, LineSpacingRule.AUTO);
        p.setSpacingAfter(0);
        String[] lines = (text == null ? "" : text).split("\\R");
        for (int i = 0; i < lines.length; i++) {
            XWPFRun r = run(p, lines[i], font, Gb9704.TABLE_PT, false, null);
            if (i < lines.length - 1) {
                r.addBreak();
            }
        }
    }

    private static void figure(XWPFDocument doc, Figure f) throws IOException, InvalidFormatException {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingBetween(1.0, LineSpacingRule.AUTO);
        p.setSpacingBefore(LINE / 3);
        p.setKeepNext(true);
        double widthPt = f.widthMm() * Gb9704.POINTS_PER_MM;
        double heightPt = widthPt * f.pixelHeight() / f.pixelWidth();
        p.createRun()
                .addPicture(
                        new ByteArrayInputStream(f.png()),
                        PictureType.PNG,
                        "chart.png",
                        Units.toEMU(widthPt),
                        Units.toEMU(heightPt));
        if (f.caption() != null) {
            XWPFParagraph c = doc.createParagraph();
            c.setAlignment(ParagraphAlignment.CENTER);
            c.setSpacingBetween(1.2, LineSpacingRule.AUTO);
            c.setSpacingAfter(LINE / 3);
            run(c, f.caption(), Gb9704.FANGSONG, Gb9704.SMALL_PT, false, null);
        }
    }

    /** 附件说明: one blank line under the body, two characters in, "附件：" then the names (numbered if several). */
    private static void attachmentNote(XWPFDocument doc, List<Attachment> attachments) {
        if (attachments.isEmpty()) {
            return;
        }
        for (int i = 0; i < attachments.size(); i++) {
            XWPFParagraph p = doc.createParagraph();
            exact(p);
            p.setAlignment(ParagraphAlignment.BOTH);
            String name = attachments.size() == 1
                    ? attachments.get(0).title()
                    : (i + 1) + "．" + attachments.get(i).title();
            p.setKeepNext(true);
            if (i == 0) {
                p.setSpacingBefore(LINE);
                // the names hang aligned after "附件："
                p.setIndentationLeft(2 * CHAR + 3 * CHAR);
                p.setIndentationHanging(3 * CHAR);
                run(p, "附件：" + name, Gb9704.FANGSONG, Gb9704.BODY_PT, false, null);
            } else {
                p.setIndentationLeft(2 * CHAR + 3 * CHAR);
                run(p, name, Gb9704.FANGSONG, Gb9704.BODY_PT, false, null);
            }
        }
    }

    private static void signature(XWPFDocument doc, OfficialDocument.Signature s) {
        double[] indents = Gb9704.signatureIndents(s.authority(), s.date());
        XWPFParagraph who = doc.createParagraph();
        exact(who);
        who.setAlignment(ParagraphAlignment.RIGHT);
        // room for the seal: the signature two lines under the body
        who.setSpacingBefore(2 * LINE);
        who.setIndentationRight((int) Math.round(indents[0] * CHAR));
        who.setKeepNext(true);
        run(who, s.authority(), Gb9704.FANGSONG, Gb9704.BODY_PT, false, null);
        XWPFParagraph when = doc.createParagraph();
        exact(when);
        when.setAlignment(ParagraphAlignment.RIGHT);
        when.setIndentationRight((int) Math.round(indents[1] * CHAR));
        run(when, s.date(), Gb9704.FANGSONG, Gb9704.BODY_PT, false, null);
    }

    private static void attachment(XWPFDocument doc, Attachment a, String mark)
            throws IOException, InvalidFormatException {
        XWPFParagraph m = doc.createParagraph();
        m.setPageBreak(true);
        exact(m);
        run(m, mark, Gb9704.HEITI, Gb9704.BODY_PT, false, null);
        XWPFParagraph t = doc.createParagraph();
        t.setAlignment(ParagraphAlignment.CENTER);
        exact(t);
        t.setSpacingBefore(LINE);
        t.setSpacingAfter(LINE / 2);
        run(t, a.title(), Gb9704.XIAOBIAOSONG, Gb9704.TITLE_PT, false, null);
        blocks(doc, a.blocks());
    }

    /**
     * 版记: 抄送 and the printing office with the printing date between a thick first line, a thin middle
     * line and a thick last line, in 四号 仿宋, one character in from each side.
     */
    private static void imprint(XWPFDocument doc, OfficialDocument.Imprint imprint) {
        int oneChar = Gb9704.twipsOfPoints(Gb9704.SMALL_PT);
        XWPFParagraph spacer = doc.createParagraph();
        spacer.setSpacingBefore(2 * LINE);
        exact(spacer);
        boolean copy = imprint.copyTo() != null && !imprint.copyTo().isBlank();
        if (copy) {
            XWPFParagraph cc = doc.createParagraph();
            exact(cc);
            // continuation lines align after "抄送："
            cc.setIndentationLeft(oneChar + 3 * oneChar);
            cc.setIndentationHanging(3 * oneChar);
            cc.setIndentationRight(oneChar);
            border(cc, true, 8);
            border(cc, false, 4);
            run(cc, "抄送：" + stripEnd(imprint.copyTo()) + "。", Gb9704.FANGSONG, Gb9704.SMALL_PT, false, null);
        }
        XWPFParagraph printed = doc.createParagraph();
        exact(printed);
        printed.setIndentationLeft(oneChar);
        printed.setIndentationRight(oneChar);
        if (!copy) {
            border(printed, true, 8);
        }
        border(printed, false, 8);
        CTTabStop tab = printed.getCTP().getPPr().addNewTabs().addNewTab();
        tab.setVal(STTabJc.RIGHT);
        tab.setPos(BigInteger.valueOf(TYPE_WIDTH - 2L * oneChar));
        XWPFRun r = run(printed, imprint.printedBy(), Gb9704.FANGSONG, Gb9704.SMALL_PT, false, null);
        r.addTab();
        r.setText(imprint.printedOn() + "印发");
    }

    private static String stripEnd(String s) {
        String t = s.strip();
        return t.endsWith("。") ? t.substring(0, t.length() - 1) : t;
    }

    private static void border(XWPFParagraph p, boolean top, int eighths) {
        if (top) {
            p.setBorderTop(Borders.SINGLE);
        } else {
            p.setBorderBottom(Borders.SINGLE);
        }
        var pbdr = p.getCTP().getPPr().getPBdr();
        CTBorder b = top ? pbdr.getTop() : pbdr.getBottom();
        b.setSz(BigInteger.valueOf(eighths));
        b.setColor("000000");
        b.setSpace(BigInteger.ONE);
    }

    private static void blank(XWPFDocument doc) {
        XWPFParagraph p = doc.createParagraph();
        exact(p);
    }

    private static void exact(XWPFParagraph p) {
        p.setSpacingBetween(Gb9704.LINE_PT, LineSpacingRule.EXACT);
        p.setSpacingAfter(0);
    }

    static XWPFRun run(XWPFParagraph p, String text, String font, double size, boolean bold, String color) {
        return run(p, text, font, size, bold, color, 100);
    }

    /**
     * A run with its properties in the order of the schema's sequence (rFonts, b, color, w, sz, lang): POI's
     * schema lets them come in any order, older Word and WPS versions may not.
     *
     * @param scale horizontal scale in percent (w:w), 100 = none
     */
    static XWPFRun run(XWPFParagraph p, String text, String font, double size, boolean bold, String color, int scale) {
        XWPFRun r = p.createRun();
        r.setText(text == null ? "" : text);
        r.setFontFamily(Gb9704.LATIN, XWPFRun.FontCharRange.ascii);
        r.setFontFamily(Gb9704.LATIN, XWPFRun.FontCharRange.hAnsi);
        r.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        CTRPr pr = r.getCTR().getRPr();
        CTFonts fonts = pr.getRFontsList().get(0);
        fonts.setHint(STHint.EAST_ASIA);
        if (bold) {
            r.setBold(true);
        }
        if (color != null) {
            r.setColor(color);
        }
        if (scale != 100) {
            r.setTextScale(scale);
        }
        r.setFontSize(size);
        var lang = pr.addNewLang();
        lang.setVal("en-US");
        lang.setEastAsia("zh-CN");
        return r;
    }
}
