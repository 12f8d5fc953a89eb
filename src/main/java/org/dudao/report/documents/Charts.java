package org.dudao.report.documents;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bar charts for the annual report, drawn on the server with Java2D (the JDK's own graphics, headless) into
 * PNG pictures that the docx and the PDF embed: no chart library. Labels need a font with Chinese glyphs
 * (Noto Sans CJK SC, WenQuanYi, SimHei, Microsoft YaHei, or whatever the JDK's SansSerif maps to); where
 * none can draw Chinese, or Java2D fails, there is no chart and the report keeps the same figures in its
 * tables.
 */
final class Charts {

    private static final Logger log = LoggerFactory.getLogger(Charts.class);

    private static final List<String> FONTS =
            List.of("Noto Sans CJK SC", "WenQuanYi Zen Hei", "SimHei", "Microsoft YaHei", "PingFang SC", "SansSerif");
    private static final String SAMPLE = "优秀良好合格县区政府部门得分";
    private static final Color[] PALETTE = {
        new Color(0xC0, 0x39, 0x2B),
        new Color(0x29, 0x80, 0xB9),
        new Color(0x27, 0xAE, 0x60),
        new Color(0xF3, 0x9C, 0x12),
        new Color(0x8E, 0x44, 0xAD),
        new Color(0x7F, 0x8C, 0x8D)
    };
    static final int WIDTH = 1600;
    static final int HEIGHT = 900;

    private static volatile Optional<String> family;

    private Charts() {}

    /** The first font family that draws Chinese, or empty. */
    static Optional<String> family() {
        Optional<String> f = family;
        if (f == null) {
            synchronized (Charts.class) {
                f = family;
                if (f == null) {
                    f = findFamily();
                    family = f;
                }
            }
        }
        return f;
    }

    private static Optional<String> findFamily() {
        try {
            Set<String> installed = new HashSet<>(Arrays.asList(
                    GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames()));
            for (String name : FONTS) {
                if (!installed.contains(name) && !"SansSerif".equals(name)) {
                    continue;
                }
                if (new Font(name, Font.PLAIN, 12).canDisplayUpTo(SAMPLE) == -1) {
                    return Optional.of(name);
                }
            }
            log.warn("no font with Chinese glyphs for charts: the annual report gives its figures in tables only");
        } catch (RuntimeException | Error e) {
            log.warn("Java2D unavailable for charts: {}", e.toString());
        }
        return Optional.empty();
    }

    /**
     * Grouped bars: one group per category (x axis), one bar per series, the value printed on each bar.
     *
     * @param values [series][group]
     * @param decimals digits after the point in the printed values
     */
    static Optional<OfficialDocument.Figure> groupedBars(
            String caption,
            List<String> groups,
            List<String> series,
            double[][] values,
            String unit,
            int decimals,
            int widthMm) {
        Optional<String> font = family();
        if (font.isEmpty() || groups.isEmpty() || series.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] png = draw(font.get(), groups, series, values, unit, decimals);
            return Optional.of(new OfficialDocument.Figure(caption, png, WIDTH, HEIGHT, widthMm));
        } catch (IOException | RuntimeException e) {
            log.warn("chart '{}' not drawn: {}", caption, e.toString());
            return Optional.empty();
        }
    }

    private static byte[] draw(
            String fontName, List<String> groups, List<String> series, double[][] values, String unit, int decimals)
            throws IOException {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            Font label = new Font(fontName, Font.PLAIN, 30);
            Font small = new Font(fontName, Font.PLAIN, 24);
            int left = 130;
            int right = 40;
            int top = 110;
            int bottom = 150;
            int plotW = WIDTH - left - right;
            int plotH = HEIGHT - top - bottom;
            double max = 0;
            for (double[] s : values) {
                for (double v : s) {
                    max = Math.max(max, v);
                }
            }
            double step = decimals == 0 ? Math.max(1, niceStep(max)) : niceStep(max);
            double axisMax = Math.max(step, Math.ceil(max / step) * step);
            // legend
            g.setFont(label);
            FontMetrics fm = g.getFontMetrics();
            int x = left;
            for (int s = 0; s < series.size(); s++) {
                g.setColor(PALETTE[s % PALETTE.length]);
                g.fillRect(x, 40, 36, 36);
                g.setColor(Color.DARK_GRAY);
                g.drawString(series.get(s), x + 46, 70);
                x += 46 + fm.stringWidth(series.get(s)) + 50;
            }
            if (unit != null) {
                g.setFont(small);
                g.drawString(unit, 20, top - 20);
            }
            // grid and y labels
            g.setFont(small);
            fm = g.getFontMetrics();
            g.setStroke(new BasicStroke(2));
            for (double v = 0; v <= axisMax + 1e-9; v += step) {
                int y = top + plotH - (int) Math.round(v / axisMax * plotH);
                g.setColor(new Color(0xDD, 0xDD, 0xDD));
                g.drawLine(left, y, left + plotW, y);
                g.setColor(Color.DARK_GRAY);
                String t = format(v, step < 1 ? 1 : 0);
                g.drawString(t, left - 15 - fm.stringWidth(t), y + 8);
            }
            g.setColor(Color.DARK_GRAY);
            g.drawLine(left, top + plotH, left + plotW, top + plotH);
            // bars
            int groupW = plotW / groups.size();
            int barW = Math.max(6, Math.min(90, (int) (groupW * 0.8 / series.size())));
            for (int gi = 0; gi < groups.size(); gi++) {
                int start = left + gi * groupW + (groupW - barW * series.size()) / 2;
                for (int s = 0; s < series.size(); s++) {
                    double v = values[s][gi];
                    int h = (int) Math.round(v / axisMax * plotH);
                    int bx = start + s * barW;
                    g.setColor(PALETTE[s % PALETTE.length]);
                    g.fillRect(bx + 3, top + plotH - h, barW - 6, h);
                    g.setColor(Color.DARK_GRAY);
                    String t = format(v, decimals);
                    if (fm.stringWidth(t) <= barW + 10) {
                        g.drawString(t, bx + (barW - fm.stringWidth(t)) / 2, top + plotH - h - 8);
                    }
                }
                g.setFont(label);
                FontMetrics lm = g.getFontMetrics();
                String name = fit(groups.get(gi), lm, groupW - 10);
                g.drawString(name, left + gi * groupW + (groupW - lm.stringWidth(name)) / 2, top + plotH + 50);
                g.setFont(small);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static String fit(String s, FontMetrics fm, int width) {
        if (fm.stringWidth(s) <= width) {
            return s;
        }
        String t = s;
        while (t.length() > 1 && fm.stringWidth(t + "…") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    private static double niceStep(double max) {
        if (max <= 0) {
            return 1;
        }
        double raw = max / 5;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double norm = raw / mag;
        double nice = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10;
        return nice * mag;
    }

    private static String format(double v, int decimals) {
        return decimals == 0
                ? String.valueOf(Math.round(v))
                : String.format(java.util.Locale.ROOT, "%." + decimals + "f", v);
    }
}
