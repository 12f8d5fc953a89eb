package org.dudao.report.documents;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The measures and fonts of GB/T 9704-2012 《党政机关公文格式》 that both writers use. A4 paper; type area
 * (版心) 156 mm × 225 mm with the top margin (天头) 37 mm and the binding margin (订口) 28 mm; 22 lines of 28
 * characters in 三号 (16 pt) 仿宋; title in 二号 (22 pt) 小标宋; level-1 headings in 黑体, level-2 in 楷体;
 * page numbers in 四号 (14 pt) 宋体 as "— 1 —", odd pages right, even pages left, one character in.
 */
final class Gb9704 {

    private Gb9704() {}

    static final double TWIPS_PER_MM = 1440 / 25.4;
    static final double POINTS_PER_MM = 72 / 25.4;

    static final int PAGE_WIDTH_MM = 210;
    static final int PAGE_HEIGHT_MM = 297;
    static final int MARGIN_TOP_MM = 37;
    static final int MARGIN_BOTTOM_MM = 35;
    static final int MARGIN_LEFT_MM = 28;
    static final int MARGIN_RIGHT_MM = 26;
    /** 版心 width. */
    static final int TYPE_WIDTH_MM = PAGE_WIDTH_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM;
    /** 文件格式: the top of the issuing authority's mark lies 35 mm below the top of the type area. */
    static final int MASTHEAD_GAP_MM = 35;
    /** The red line lies 4 mm below the document number. */
    static final int RED_LINE_GAP_MM = 4;
    /** The page number's dash lies 7 mm below the type area. */
    static final int PAGE_NUMBER_GAP_MM = 7;

    /** 三号. */
    static final double BODY_PT = 16;
    /** 二号. */
    static final double TITLE_PT = 22;
    /** 四号: page numbers and the 版记. */
    static final double SMALL_PT = 14;
    /** 五号: the cells of tables (wide tables of numbers stay on one line a row). */
    static final double TABLE_PT = 10.5;
    /** 225 mm / 22 lines = 28.95 pt a line (fixed line spacing). */
    static final double LINE_PT = 28.95;
    /** The largest mark of the issuing authority (小初); longer names are set smaller or condensed. */
    static final double MASTHEAD_MAX_PT = 36;

    static final String RED = "FF0000";

    /** 仿宋_GB2312: the body. */
    static final String FANGSONG = "仿宋_GB2312";
    /** 黑体: level-1 headings, attachment marks, table heads. */
    static final String HEITI = "黑体";
    /** 楷体_GB2312: level-2 headings. */
    static final String KAITI = "楷体_GB2312";
    /** 方正小标宋简体: the title and the issuing authority's mark. */
    static final String XIAOBIAOSONG = "方正小标宋简体";
    /** 宋体: page numbers. */
    static final String SONGTI = "宋体";
    /** Latin letters and digits. */
    static final String LATIN = "Times New Roman";

    /**
     * What to use where a font is missing, in order: Windows' own fonts (仿宋, 楷体, 宋体 ship with every
     * Chinese Windows; the _GB2312 and 方正 fonts often do not), macOS/WPS names, then the free Noto CJK
     * fonts Linux servers have (Debian {@code fonts-noto-cjk}), then WenQuanYi. The docx declares the first
     * as {@code w:altName} in its font table; LibreOffice gets all of them as fontconfig aliases; the
     * OpenPDF fallback uses a Noto file directly.
     */
    static final Map<String, List<String>> FALLBACKS = fallbacks();

    private static Map<String, List<String>> fallbacks() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put(FANGSONG, List.of("仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC", "WenQuanYi Zen Hei"));
        m.put(KAITI, List.of("楷体", "KaiTi", "STKaiti", "Noto Serif CJK SC", "WenQuanYi Zen Hei"));
        m.put(XIAOBIAOSONG, List.of("宋体", "SimSun", "STSong", "Noto Serif CJK SC", "WenQuanYi Zen Hei"));
        m.put(HEITI, List.of("SimHei", "STHeiti", "Noto Sans CJK SC", "WenQuanYi Zen Hei"));
        m.put(SONGTI, List.of("SimSun", "STSong", "Noto Serif CJK SC", "WenQuanYi Zen Hei"));
        return m;
    }

    static int twips(double mm) {
        return (int) Math.round(mm * TWIPS_PER_MM);
    }

    static int twipsOfPoints(double pt) {
        return (int) Math.round(pt * 20);
    }

    static float points(double mm) {
        return (float) (mm * POINTS_PER_MM);
    }

    /** Width in characters of 三号 type: CJK and full-width characters count 1, ASCII ½. */
    static double characters(String s) {
        double w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += s.charAt(i) < 0x2000 ? 0.5 : 1;
        }
        return w;
    }

    /**
     * The issuing authority's mark: 小初 where it fits on one line of the type area, else the size that fits,
     * but not under 二号 (longer names are condensed instead, see {@link #mastheadScale}).
     */
    static double mastheadSize(String authority) {
        // 3 % to spare: a mark exactly as wide as the type area wraps in some layout engines
        double widthPt = TYPE_WIDTH_MM * POINTS_PER_MM * 0.97;
        double chars = Math.max(1, characters(authority));
        return Math.max(TITLE_PT, Math.min(MASTHEAD_MAX_PT, Math.floor(widthPt / chars)));
    }

    /** Horizontal scale (percent) that keeps a long mark on one line at {@link #mastheadSize}. */
    static int mastheadScale(String authority) {
        double widthPt = TYPE_WIDTH_MM * POINTS_PER_MM * 0.97;
        double natural = characters(authority) * mastheadSize(authority);
        return natural <= widthPt ? 100 : (int) Math.floor(widthPt / natural * 100);
    }

    /**
     * Right indents (in characters) of the signature and the date: the date four characters in from the
     * right (右空四字), the issuing authority centred on the date; when the authority is longer than the
     * date, the authority is two characters in and the date centred under it.
     *
     * @return {authority indent, date indent}
     */
    static double[] signatureIndents(String authority, String date) {
        double a = characters(authority);
        double d = characters(date);
        if (a <= d) {
            return new double[] {4 + (d - a) / 2, 4};
        }
        return new double[] {2, 2 + (a - d) / 2};
    }
}
