package org.dudao.indicator.domain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.dudao.indicator.IndicatorNode;
import org.dudao.indicator.Methods;
import org.dudao.indicator.NewSystem;
import org.dudao.indicator.NodeKind;
import org.dudao.indicator.RowProblem;
import org.dudao.indicator.SystemKind;
import org.dudao.shared.DudaoProperties;
import org.dudao.shared.error.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Word 导入: reads an indicator table shaped like the seed annexes (一级指标 | 二级指标 | 工作任务 | 考核方式 |
 * 时间要求 | 工作要求 | 责任主体), with vertically merged level cells and points written inside the text
 * ("依法全面履行政府职能 13分", "报送资料:… 1分"), into a tree. What it cannot read is reported by row.
 */
@Component
public class WordTableImport {

    private static final Pattern POINTS = Pattern.compile("[（(]?\\s*(\\d+(?:\\.\\d+)?)\\s*分\\s*[）)]?\\s*$");
    private static final Pattern LABEL =
            Pattern.compile("^(第[一二三四五六七八九十百\\d]+项|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\\d+[.．、]|[（(]\\d+[）)])\\s*");
    private static final Pattern DATE = Pattern.compile("(\\d{4})[-./年](\\d{1,2})[-./月](\\d{1,2})日?");

    private final DudaoProperties.Upload limits;

    public WordTableImport(DudaoProperties properties) {
        this.limits = properties.upload();
    }

    public IndicatorWorkbook.Read read(byte[] bytes) {
        IndicatorWorkbook.checkContainer(bytes);
        if (bytes.length > limits.maxXlsxBytes()) {
            throw new InvalidInputException("file", "import.tooLarge", limits.maxXlsxBytes() / 1024 / 1024);
        }
        ZipSecureFile.setMinInflateRatio(limits.minInflateRatio());
        ZipSecureFile.setMaxEntrySize(limits.maxEntrySize());
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            for (XWPFTable table : doc.getTables()) {
                Map<String, Integer> columns = columns(table.getRow(0));
                if (columns.containsKey("level1") && columns.containsKey("task")) {
                    return parse(table, columns);
                }
            }
            throw new InvalidInputException("file", "indicator.import.noTable");
        } catch (InvalidInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("file", "import.unreadable");
        }
    }

    private static Map<String, Integer> columns(XWPFTableRow header) {
        Map<String, Integer> c = new HashMap<>();
        if (header == null) {
            return c;
        }
        List<XWPFTableCell> cells = header.getTableCells();
        for (int i = 0; i < cells.size(); i++) {
            String h = cells.get(i).getText().replaceAll("\\s", "");
            if (h.startsWith("一级")) c.putIfAbsent("level1", i);
            else if (h.startsWith("二级")) c.putIfAbsent("level2", i);
            else if (h.startsWith("三级")) c.putIfAbsent("level3", i);
            else if (h.contains("工作任务") || h.contains("考核内容") || h.contains("任务")) c.putIfAbsent("task", i);
            else if (h.contains("考核方式") || h.contains("测评方法")) c.putIfAbsent("method", i);
            else if (h.contains("时间")) c.putIfAbsent("deadline", i);
            else if (h.contains("要求") || h.contains("标准")) c.putIfAbsent("requirement", i);
            else if (h.contains("责任") || h.contains("主体") || h.contains("单位")) c.putIfAbsent("assessor", i);
        }
        return c;
    }

    private IndicatorWorkbook.Read parse(XWPFTable table, Map<String, Integer> col) {
        List<RowProblem> problems = new ArrayList<>();
        Map<String, Node> roots = new LinkedHashMap<>();
        String[] carried = new String[8];
        List<String> levelKeys = List.of("level1", "level2", "level3");
        for (int r = 1; r < table.getRows().size(); r++) {
            XWPFTableRow row = table.getRow(r);
            int shownRow = r + 1;
            List<String> cells = new ArrayList<>();
            for (XWPFTableCell cell : row.getTableCells()) {
                cells.add(cell.getText().strip());
                int span = cell.getCTTc().getTcPr() != null
                                && cell.getCTTc().getTcPr().getGridSpan() != null
                        ? cell.getCTTc().getTcPr().getGridSpan().getVal().intValue()
                        : 1;
                for (int s = 1; s < span; s++) {
                    cells.add("");
                }
            }
            // vertically merged cells continue the text of the row above
            for (int li = 0; li < levelKeys.size(); li++) {
                Integer i = col.get(levelKeys.get(li));
                if (i == null) {
                    continue;
                }
                String v = i < cells.size() ? cells.get(i) : "";
                if (v.isEmpty() || isVMergeContinue(row, i)) {
                    v = carried[li] == null ? "" : carried[li];
                } else {
                    for (int k = li + 1; k < carried.length; k++) {
                        carried[k] = null; // a new parent starts its children afresh
                    }
                }
                carried[li] = v;
            }
            String taskText = get(cells, col.get("task"));
            if (taskText.isEmpty()) {
                if (!String.join("", cells).isBlank()) {
                    problems.add(new RowProblem(shownRow, "工作任务", "indicator.import.word.noTask", new Object[0]));
                }
                continue;
            }
            Map<String, Node> level = roots;
            Node parent = null;
            boolean missing = false;
            for (int li = 0; li < levelKeys.size(); li++) {
                if (!col.containsKey(levelKeys.get(li))) {
                    continue;
                }
                String text = carried[li] == null ? "" : carried[li].replaceAll("\\s+", "");
                if (text.isEmpty()) {
                    missing = true;
                    continue;
                }
                if (missing) {
                    problems.add(new RowProblem(
                            shownRow, (li + 1) + "级指标", "indicator.import.parentMissing", new Object[0]));
                }
                Node n = level.get(text);
                if (n == null) {
                    n = new Node(heading(text));
                    level.put(text, n);
                }
                parent = n;
                level = n.children;
            }
            String method = get(cells, col.get("method"));
            ParsedMethod pm = method(method);
            if (!method.isEmpty() && pm.methods.isEmpty()) {
                problems.add(
                        new RowProblem(shownRow, "考核方式", "indicator.import.word.unknownMethod", new Object[] {method}));
            }
            String task = taskText.replaceAll("\\s+", "");
            Matcher lm = LABEL.matcher(task);
            String label = null;
            if (lm.find()) {
                label = lm.group(1);
                task = task.substring(lm.end());
            }
            IndicatorNode leaf = new IndicatorNode(
                    null,
                    NodeKind.TASK,
                    label,
                    task,
                    pm.points,
                    null,
                    pm.methods,
                    pm.materials,
                    date(get(cells, col.get("deadline"))),
                    null,
                    blankToNull(get(cells, col.get("requirement"))),
                    blankToNull(get(cells, col.get("assessor")).replaceAll("\\s+", "")),
                    List.of(),
                    null,
                    List.of(),
                    List.of(),
                    null,
                    null,
                    "docx 第 " + shownRow + " 行",
                    null,
                    List.of());
            Node leafNode = new Node(leaf);
            (parent == null ? roots : parent.children).put("#row" + shownRow, leafNode);
        }
        List<IndicatorNode> built = roots.values().stream().map(Node::build).toList();
        return new IndicatorWorkbook.Read(
                new NewSystem(null, null, null, null, SystemKind.ASSESSMENT, "Word 导入", List.of(), null),
                built,
                problems);
    }

    private static boolean isVMergeContinue(XWPFTableRow row, int index) {
        int pos = 0;
        for (XWPFTableCell cell : row.getTableCells()) {
            var pr = cell.getCTTc().getTcPr();
            int span = pr != null && pr.getGridSpan() != null
                    ? pr.getGridSpan().getVal().intValue()
                    : 1;
            if (pos == index) {
                return pr != null
                        && pr.getVMerge() != null
                        && (pr.getVMerge().getVal() == null
                                || "continue".equals(pr.getVMerge().getVal().toString()));
            }
            pos += span;
        }
        return false;
    }

    /** "一、依法全面履行政府职能 13分" → label, name, points. */
    static IndicatorNode heading(String text) {
        String t = text;
        BigDecimal points = null;
        Matcher pm = POINTS.matcher(t);
        if (pm.find()) {
            points = new BigDecimal(pm.group(1));
            t = t.substring(0, pm.start()).strip();
        }
        String label = null;
        Matcher lm = LABEL.matcher(t);
        if (lm.find()) {
            label = lm.group(1);
            t = t.substring(lm.end());
        }
        return new IndicatorNode(
                null,
                NodeKind.INDICATOR,
                label,
                t,
                points,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of());
    }

    record ParsedMethod(List<String> methods, List<String> materials, BigDecimal points) {}

    /** "报送资料:证明事项清理报告、《证明事项清理意见表》 1分" → 报送资料, two materials, 1 point. */
    static ParsedMethod method(String text) {
        String t = text.strip();
        BigDecimal points = null;
        Matcher pm = POINTS.matcher(t);
        if (pm.find()) {
            points = new BigDecimal(pm.group(1));
            t = t.substring(0, pm.start()).strip();
        }
        List<String> methods = new ArrayList<>();
        List<String> materials = new ArrayList<>();
        String head = t;
        String rest = "";
        int colon = indexOfColon(t);
        if (colon >= 0) {
            head = t.substring(0, colon).strip();
            rest = t.substring(colon + 1).strip();
        }
        for (String m : head.split("[、/，,\\s]+")) {
            if (Methods.ALL.contains(m)) {
                methods.add(m);
            }
        }
        if (!rest.isEmpty()) {
            for (String item : rest.split("(?:\\s*\\d+[.．、]\\s*)|、|；|;")) {
                String s = item.strip().replaceAll("[。．]$", "");
                if (!s.isEmpty()) {
                    materials.add(s);
                }
            }
        }
        return new ParsedMethod(methods, materials, points);
    }

    private static int indexOfColon(String t) {
        int a = t.indexOf(':');
        int b = t.indexOf('：');
        if (a < 0) return b;
        if (b < 0) return a;
        return Math.min(a, b);
    }

    private static java.time.LocalDate date(String s) {
        Matcher m = DATE.matcher(s == null ? "" : s);
        if (!m.find()) {
            return null;
        }
        return java.time.LocalDate.of(
                Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    private static String get(List<String> cells, Integer i) {
        return i == null || i >= cells.size() ? "" : cells.get(i);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static final class Node {
        final IndicatorNode data;
        final Map<String, Node> children = new LinkedHashMap<>();

        Node(IndicatorNode data) {
            this.data = data;
        }

        IndicatorNode build() {
            return data.withChildren(children.values().stream().map(Node::build).toList());
        }
    }
}
