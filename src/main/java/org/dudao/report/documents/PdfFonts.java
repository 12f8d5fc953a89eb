package org.dudao.report.documents;

import com.lowagie.text.pdf.BaseFont;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The CJK fonts the OpenPDF fallback embeds: a serif face standing in for 仿宋/楷体/宋体, a bold serif for
 * 小标宋 and a sans face for 黑体. Looked for, in order: the configured file ({@code dudao.report.pdf-font},
 * "path" or "path,index" for a collection), Noto Serif/Sans CJK (Debian/Ubuntu {@code fonts-noto-cjk},
 * Fedora and Arch paths; index 2 of the .ttc is Simplified Chinese), WenQuanYi Zen Hei, AR PL UMing. Loaded
 * once (about a second for the first), then shared: BaseFont is safe to share between documents.
 */
final class PdfFonts {

    private static final String[] DIRS = {
        "/usr/share/fonts/opentype/noto/",
        "/usr/share/fonts/noto-cjk/",
        "/usr/share/fonts/google-noto-cjk/",
        "/usr/share/fonts/opentype/noto-cjk/",
        "/usr/share/fonts/noto/"
    };

    final BaseFont serif;
    final BaseFont serifBold;
    final BaseFont sans;
    final String description;

    private PdfFonts(BaseFont serif, BaseFont serifBold, BaseFont sans, String description) {
        this.serif = serif;
        this.serifBold = serifBold;
        this.sans = sans;
        this.description = description;
    }

    /** The fonts, or empty when no CJK font file is found. */
    static Optional<PdfFonts> load(String configured) {
        try {
            if (configured != null && !configured.isBlank()) {
                BaseFont f = font(configured.strip());
                return Optional.of(new PdfFonts(f, f, f, configured));
            }
            String serif = find("NotoSerifCJK-Regular.ttc", 2);
            String serifBold = find("NotoSerifCJK-Bold.ttc", 2);
            String sans = find("NotoSansCJK-Regular.ttc", 2);
            String any = serif != null ? serif : sans;
            if (any == null) {
                any = firstExisting(List.of(
                        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,0",
                        "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc,0",
                        "/usr/share/fonts/truetype/arphic/uming.ttc,0"));
            }
            if (any == null) {
                return Optional.empty();
            }
            BaseFont base = font(any);
            return Optional.of(new PdfFonts(
                    serif == null ? base : font(serif),
                    serifBold == null ? (serif == null ? base : font(serif)) : font(serifBold),
                    sans == null ? base : font(sans),
                    any));
        } catch (Exception e) {
            throw new IllegalStateException("cannot load a CJK font for PDF: " + e.getMessage(), e);
        }
    }

    private static BaseFont font(String spec) throws Exception {
        return BaseFont.createFont(spec, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
    }

    private static String find(String file, int index) {
        List<String> candidates = new ArrayList<>();
        for (String dir : DIRS) {
            candidates.add(dir + file + "," + index);
        }
        return firstExisting(candidates);
    }

    private static String firstExisting(List<String> specs) {
        for (String spec : specs) {
            String path = spec.contains(",") ? spec.substring(0, spec.lastIndexOf(',')) : spec;
            if (new File(path).isFile()) {
                return spec;
            }
        }
        return null;
    }
}
