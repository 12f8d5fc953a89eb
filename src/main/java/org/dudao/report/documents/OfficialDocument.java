package org.dudao.report.documents;

import java.util.List;
import java.util.Objects;

/**
 * A Chinese official document (公文) as Dudao composes it, independent of the file format: the docx writer
 * ({@link DocxWriter}) and the PDF fallback ({@link OpenPdfWriter}) lay the same content out by GB/T
 * 9704-2012 — 版头 (issuing authority in red, 文号, red separator line), 标题, 主送机关, 正文, 附件说明, 发文机关署名
 * and 成文日期, 附件 (each on a new page), 版记 (抄送, 印发机关 and 印发日期).
 *
 * @param masthead the red head (版头), or null for none
 * @param addressee 主送机关 without the colon, or null
 * @param attachments each printed after the body on a page of its own, and named in the 附件说明
 * @param imprint the 版记 at the end, or null
 */
public record OfficialDocument(
        Masthead masthead,
        String title,
        String addressee,
        List<Block> body,
        Signature signature,
        List<Attachment> attachments,
        Imprint imprint) {

    public OfficialDocument {
        Objects.requireNonNull(title, "title");
        body = List.copyOf(body);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** 版式: a 文件 (the head 35 mm below the top of the type area, 文号 centred above the red line) or a 信函. */
    public enum Layout {
        /** 文件格式: notices and reports. */
        FILE,
        /** 信函格式: letters to one unit; the head at the top, the 文号 (if any) under the red line on the right. */
        LETTER
    }

    /**
     * 版头.
     *
     * @param authority 发文机关标志 (printed in red; "文件" is not appended)
     * @param documentNo 发文字号 such as 平法政办〔2026〕12号, or null
     */
    public record Masthead(String authority, String documentNo, Layout layout) {}

    /** 发文机关署名 and 成文日期 (already formatted). */
    public record Signature(String authority, String date) {}

    /** An attachment (附件) with its title and content. */
    public record Attachment(String title, List<Block> blocks) {
        public Attachment {
            blocks = List.copyOf(blocks);
        }
    }

    /**
     * 版记.
     *
     * @param copyTo 抄送机关, or null
     * @param printedBy 印发机关
     * @param printedOn 印发日期 (formatted)
     */
    public record Imprint(String copyTo, String printedBy, String printedOn) {}

    /** A piece of the body or of an attachment. */
    public sealed interface Block permits Paragraph, Heading, Table, Figure {}

    /** A body paragraph: 仿宋 三号, first line indented by two characters. */
    public record Paragraph(String text) implements Block {}

    /**
     * A heading inside the body: level 1 "一、" in 黑体, level 2 "（一）" in 楷体, level 3 "1." in bold 仿宋; the
     * number is part of the text.
     */
    public record Heading(int level, String text) implements Block {}

    /**
     * A table with a header row repeated on every page.
     *
     * @param caption a line above the table (表题), or null
     * @param widths relative column widths, one per header
     * @param numeric columns aligned to the right (numbers)
     */
    public record Table(String caption, List<String> headers, List<List<String>> rows, int[] widths, boolean[] numeric)
            implements Block {
        public Table {
            headers = List.copyOf(headers);
            rows = rows.stream().map(List::copyOf).toList();
            if (widths.length != headers.size() || numeric.length != headers.size()) {
                throw new IllegalArgumentException("one width and one alignment per column");
            }
            for (List<String> r : rows) {
                if (r.size() != headers.size()) {
                    throw new IllegalArgumentException(
                            "row " + r + " has " + r.size() + " cells, not " + headers.size());
                }
            }
        }
    }

    /**
     * A picture (a chart) with its caption below.
     *
     * @param png the image
     * @param widthMm printed width; the height follows the image's proportions
     */
    public record Figure(String caption, byte[] png, int pixelWidth, int pixelHeight, int widthMm) implements Block {}
}
