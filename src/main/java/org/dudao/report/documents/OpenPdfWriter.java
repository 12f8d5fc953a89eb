package org.dudao.report.documents;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.pdf.draw.LineSeparator;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.dudao.report.documents.OfficialDocument.Attachment;
import org.dudao.report.documents.OfficialDocument.Block;
import org.dudao.report.documents.OfficialDocument.Figure;
import org.dudao.report.documents.OfficialDocument.Heading;
import org.dudao.report.documents.OfficialDocument.Layout;
import org.dudao.report.documents.OfficialDocument.Masthead;
import org.dudao.report.documents.OfficialDocument.Table;

/**
 * The PDF fallback where LibreOffice is not installed: OpenPDF lays out the same {@link OfficialDocument} as
 * the docx — the same page, margins, sizes, line spacing, red head, signature, attachments, 版记 and page
 * numbers — in a CJK font found on the machine ({@link PdfFonts}: Noto Serif CJK SC stands in for 仿宋 and
 * 楷体, its bold for 小标宋, Noto Sans CJK SC for 黑体). Line breaks are OpenPDF's, so pages may break
 * elsewhere than in Word.
 */
final class OpenPdfWriter {

    private static final float LINE = (float) Gb9704.LINE_PT;
    private static final float CHAR = (float) Gb9704.BODY_PT;
    private static final Color RED = new Color(0xFF, 0, 0);

    private final PdfFonts fonts;

    OpenPdfWriter(PdfFonts fonts) {
        this.fonts = fonts;
    }

    byte[] write(OfficialDocument d) {
        Document doc = new Document(
                PageSize.A4,
                Gb9704.points(Gb9704.MARGIN_LEFT_MM),
                Gb9704.points(Gb9704.MARGIN_RIGHT_MM),
                Gb9704.points(Gb9704.MARGIN_TOP_MM),
                Gb9704.points(Gb9704.MARGIN_BOTTOM_MM));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setPageEvent(new PageNumbers(new Font(fonts.serif, (float) Gb9704.SMALL_PT)));
            doc.addTitle(d.title());
            if (d.masthead() != null) {
                doc.addAuthor(d.masthead().authority());
            }
            doc.addCreator("Dudao 督导");
            doc.open();
            if (d.masthead() != null) {
                masthead(doc, d.masthead());
            }
            com.lowagie.text.Paragraph title = paragraph(d.title(), titleFont(), Element.ALIGN_CENTER);
            title.setSpacingBefore(d.masthead() == null ? 0 : LINE);
            doc.add(title);
            if (d.addressee() != null && !d.addressee().isBlank()) {
                com.lowagie.text.Paragraph to = paragraph(d.addressee().strip() + "：", body(), Element.ALIGN_JUSTIFIED);
                to.setSpacingBefore(LINE);
                doc.add(to);
            }
            List<Block> body = d.body();
            Block last = body.isEmpty() ? null : body.get(body.size() - 1);
            boolean keepLast = d.signature() != null && last instanceof OfficialDocument.Paragraph;
            blocks(doc, keepLast ? body.subList(0, body.size() - 1) : body);
            closing(doc, keepLast ? (OfficialDocument.Paragraph) last : null, d.attachments(), d.signature());
            int n = 1;
            for (Attachment a : d.attachments()) {
                doc.newPage();
                doc.add(paragraph(
                        d.attachments().size() == 1 ? "附件" : "附件" + n, heiti(Gb9704.BODY_PT), Element.ALIGN_LEFT));
                com.lowagie.text.Paragraph t = paragraph(a.title(), titleFont(), Element.ALIGN_CENTER);
                t.setSpacingBefore(LINE);
                t.setSpacingAfter(LINE / 2);
                doc.add(t);
                blocks(doc, a.blocks());
                n++;
            }
            if (d.imprint() != null) {
                imprint(doc, d.imprint());
            }
            doc.close();
            return out.toByteArray();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("PDF layout failed: " + e.getMessage(), e);
        }
    }

    private Font body() {
        return new Font(fonts.serif, (float) Gb9704.BODY_PT);
    }

    private Font titleFont() {
        return new Font(fonts.serifBold, (float) Gb9704.TITLE_PT);
    }

    private Font heiti(double size) {
        return new Font(fonts.sans, (float) size);
    }

    private static com.lowagie.text.Paragraph paragraph(String text, Font font, int align) {
        Chunk chunk = new Chunk(text == null ? "" : text, font);
        chunk.setSplitCharacter(CHINESE_LINE_BREAKS);
        com.lowagie.text.Paragraph p = new com.lowagie.text.Paragraph(LINE, chunk);
        p.setAlignment(align);
        return p;
    }

    /** Closing punctuation that must not begin a line, opening punctuation that must not end one (避头尾). */
    private static final String NO_LINE_START = "，。、；：？！）》」』】〕”’…—·%,.;:?!)]}";

    private static final String NO_LINE_END = "（《「『【〔“‘([{";

    /**
     * Chinese line breaking: a line may break after any CJK character (or a space or hyphen), but not before
     * closing punctuation nor after opening punctuation.
     */
    static final com.lowagie.text.SplitCharacter CHINESE_LINE_BREAKS = (start, current, end, cc, ck) -> {
        int c = at(current, cc, ck);
        int next = current + 1 < end ? at(current + 1, cc, ck) : -1;
        if (next >= 0 && NO_LINE_START.indexOf(next) >= 0) {
            return false;
        }
        if (NO_LINE_END.indexOf(c) >= 0) {
            return false;
        }
        return c == ' ' || c == '-' || c >= 0x2E80 || (next >= 0x2E80 && NO_LINE_START.indexOf(next) < 0);
    };

    private static int at(int i, char[] cc, com.lowagie.text.pdf.PdfChunk[] ck) {
        return ck == null ? cc[i] : ck[Math.min(i, ck.length - 1)].getUnicodeEquivalent(cc[i]);
    }

    private void masthead(Document doc, Masthead m) throws DocumentException {
        float size = (float) Gb9704.mastheadSize(m.authority());
        Chunk mark = new Chunk(m.authority(), new Font(fonts.serifBold, size, Font.NORMAL, RED));
        int scale = Gb9704.mastheadScale(m.authority());
        if (scale < 100) {
            mark.setHorizontalScaling(scale / 100f);
        }
        com.lowagie.text.Paragraph head = new com.lowagie.text.Paragraph(size * 1.3f, mark);
        head.setAlignment(Element.ALIGN_CENTER);
        if (m.layout() == Layout.FILE) {
            head.setSpacingBefore(Gb9704.points(Gb9704.MASTHEAD_GAP_MM));
        }
        doc.add(head);
        boolean hasNo = m.documentNo() != null && !m.documentNo().isBlank();
        if (m.layout() == Layout.FILE) {
            com.lowagie.text.Paragraph no = paragraph(hasNo ? m.documentNo() : " ", body(), Element.ALIGN_CENTER);
            no.setSpacingBefore(LINE);
            doc.add(no);
            doc.add(redLine(1.5f));
        } else {
            doc.add(redLine(2.25f));
            if (hasNo) {
                doc.add(paragraph(m.documentNo(), body(), Element.ALIGN_RIGHT));
            }
        }
    }

    private static com.lowagie.text.Paragraph redLine(float width) {
        com.lowagie.text.Paragraph line = new com.lowagie.text.Paragraph(
                Gb9704.points(Gb9704.RED_LINE_GAP_MM),
                new Chunk(new LineSeparator(width, 100f, RED, Element.ALIGN_CENTER, 0)));
        line.setSpacingAfter(LINE / 2);
        return line;
    }

    private void blocks(Document doc, List<Block> blocks) throws DocumentException, IOException {
        for (Block b : blocks) {
            if (b instanceof OfficialDocument.Paragraph p) {
                for (String line : p.text().split("\\R")) {
                    com.lowagie.text.Paragraph para = paragraph(line, body(), Element.ALIGN_JUSTIFIED);
                    para.setFirstLineIndent(2 * CHAR);
                    doc.add(para);
                }
            } else if (b instanceof Heading h) {
                Font font = switch (h.level()) {
                    case 1 -> heiti(Gb9704.BODY_PT);
                    case 2 -> body();
                    default -> new Font(fonts.serifBold, (float) Gb9704.BODY_PT);
                };
                com.lowagie.text.Paragraph para = paragraph(h.text(), font, Element.ALIGN_JUSTIFIED);
                para.setFirstLineIndent(2 * CHAR);
                doc.add(para);
            } else if (b instanceof Table t) {
                table(doc, t);
            } else if (b instanceof Figure f) {
                figure(doc, f);
            }
        }
    }

    private void table(Document doc, Table t) throws DocumentException {
        if (t.caption() != null) {
            com.lowagie.text.Paragraph c = paragraph(t.caption(), heiti(Gb9704.SMALL_PT), Element.ALIGN_CENTER);
            c.setSpacingBefore(LINE / 3);
            doc.add(c);
        }
        PdfPTable table = new PdfPTable(t.headers().size());
        float[] widths = new float[t.widths().length];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = t.widths()[i];
        }
        table.setWidths(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSpacingBefore(4);
        table.setSpacingAfter(LINE / 2);
        Font head = heiti(Gb9704.TABLE_PT);
        Font cell = new Font(fonts.serif, (float) Gb9704.TABLE_PT);
        for (String h : t.headers()) {
            table.addCell(cell(h, head, Element.ALIGN_CENTER));
        }
        for (List<String> row : t.rows()) {
            for (int c = 0; c < row.size(); c++) {
                table.addCell(cell(row.get(c), cell, t.numeric()[c] ? Element.ALIGN_CENTER : Element.ALIGN_LEFT));
            }
        }
        doc.add(table);
    }

    private static PdfPCell cell(String text, Font font, int align) {
        Chunk chunk = new Chunk(text == null ? "" : text, font);
        chunk.setSplitCharacter(CHINESE_LINE_BREAKS);
        PdfPCell c = new PdfPCell(new Phrase((float) (Gb9704.TABLE_PT * 1.4), chunk));
        c.setHorizontalAlignment(align);
        c.setVerticalAlignment(Element.ALIGN_MIDDLE);
        c.setPadding(3);
        c.setPaddingBottom(5);
        c.setBorderWidth(0.5f);
        return c;
    }

    private void figure(Document doc, Figure f) throws DocumentException, IOException {
        Image img = Image.getInstance(f.png());
        float width = Gb9704.points(f.widthMm());
        img.scaleToFit(width, width * f.pixelHeight() / f.pixelWidth());
        img.setAlignment(Element.ALIGN_CENTER);
        img.setSpacingBefore(LINE / 3);
        doc.add(img);
        if (f.caption() != null) {
            doc.add(paragraph(f.caption(), new Font(fonts.serif, (float) Gb9704.SMALL_PT), Element.ALIGN_CENTER));
        }
    }

    /**
     * The last paragraph of the body, the 附件说明 and the signature in one borderless cell kept on one page: the
     * signature never stands alone on a page.
     */
    private void closing(
            Document doc,
            OfficialDocument.Paragraph last,
            List<Attachment> attachments,
            OfficialDocument.Signature signature)
            throws DocumentException {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(0);
        if (last != null) {
            for (String line : last.text().split("\\R")) {
                com.lowagie.text.Paragraph para = paragraph(line, body(), Element.ALIGN_JUSTIFIED);
                para.setFirstLineIndent(2 * CHAR);
                cell.addElement(para);
            }
        }
        for (int i = 0; i < attachments.size(); i++) {
            String name = attachments.size() == 1
                    ? attachments.get(0).title()
                    : (i + 1) + "．" + attachments.get(i).title();
            com.lowagie.text.Paragraph p = paragraph(i == 0 ? "附件：" + name : name, body(), Element.ALIGN_JUSTIFIED);
            p.setIndentationLeft(5 * CHAR);
            if (i == 0) {
                p.setFirstLineIndent(-3 * CHAR);
                p.setSpacingBefore(LINE);
            }
            cell.addElement(p);
        }
        if (signature != null) {
            double[] indents = Gb9704.signatureIndents(signature.authority(), signature.date());
            com.lowagie.text.Paragraph who = paragraph(signature.authority(), body(), Element.ALIGN_RIGHT);
            who.setIndentationRight((float) (indents[0] * CHAR));
            who.setSpacingBefore(2 * LINE);
            cell.addElement(who);
            com.lowagie.text.Paragraph when = paragraph(signature.date(), body(), Element.ALIGN_RIGHT);
            when.setIndentationRight((float) (indents[1] * CHAR));
            cell.addElement(when);
        }
        PdfPTable group = new PdfPTable(1);
        group.setWidthPercentage(100);
        group.setKeepTogether(true);
        group.addCell(cell);
        doc.add(group);
    }

    private void imprint(Document doc, OfficialDocument.Imprint imprint) throws DocumentException {
        Font font = new Font(fonts.serif, (float) Gb9704.SMALL_PT);
        PdfPTable table = new PdfPTable(2);
        table.setWidthPercentage(100);
        table.setSpacingBefore(2 * LINE);
        table.setKeepTogether(true);
        boolean copy = imprint.copyTo() != null && !imprint.copyTo().isBlank();
        float pad = (float) Gb9704.SMALL_PT;
        if (copy) {
            String cc = imprint.copyTo().strip();
            PdfPCell c = new PdfPCell(new Phrase(LINE, "抄送：" + (cc.endsWith("。") ? cc : cc + "。"), font));
            c.setColspan(2);
            c.setBorder(Rectangle.TOP | Rectangle.BOTTOM);
            c.setBorderWidthTop(1f);
            c.setBorderWidthBottom(0.7f);
            c.setPaddingLeft(pad);
            c.setPaddingRight(pad);
            c.setPaddingBottom(6);
            table.addCell(c);
        }
        PdfPCell by = new PdfPCell(new Phrase(LINE, imprint.printedBy(), font));
        PdfPCell on = new PdfPCell(new Phrase(LINE, imprint.printedOn() + "印发", font));
        on.setHorizontalAlignment(Element.ALIGN_RIGHT);
        for (PdfPCell c : List.of(by, on)) {
            c.setBorder(Rectangle.BOTTOM | (copy ? 0 : Rectangle.TOP));
            c.setBorderWidthBottom(1f);
            c.setBorderWidthTop(1f);
            c.setPaddingLeft(pad);
            c.setPaddingRight(pad);
            c.setPaddingBottom(6);
            table.addCell(c);
        }
        doc.add(table);
    }

    /** "— 1 —" 7 mm under the type area: odd pages right, even pages left, one character in. */
    private static final class PageNumbers extends PdfPageEventHelper {
        private final Font font;

        PageNumbers(Font font) {
            this.font = font;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            int page = writer.getPageNumber();
            boolean odd = page % 2 == 1;
            float y = document.bottom() - Gb9704.points(Gb9704.PAGE_NUMBER_GAP_MM) - font.getSize();
            float oneChar = font.getSize();
            ColumnText.showTextAligned(
                    writer.getDirectContent(),
                    odd ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT,
                    new Phrase("— " + page + " —", font),
                    odd ? document.right() - oneChar : document.left() + oneChar,
                    y,
                    0);
        }
    }
}
