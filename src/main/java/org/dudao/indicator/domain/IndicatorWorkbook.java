package org.dudao.indicator.domain;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dudao.indicator.IndicatorNode;
import org.dudao.indicator.IndicatorTree;
import org.dudao.indicator.NewSystem;
import org.dudao.indicator.NodeKind;
import org.dudao.indicator.RowProblem;
import org.dudao.indicator.SystemKind;
import org.dudao.shared.DudaoProperties;
import org.dudao.shared.error.InvalidInputException;
import org.dudao.shared.text.FormulaText;
import org.springframework.stereotype.Component;

/**
 * 指标体系 Excel 格式. Sheet "指标体系": one row per leaf (task, bonus/penalty item), a group of columns
 * (序号, 名称, 分值) per ancestor level, then the leaf's own columns. Sheet "指标说明": one row per
 * indicator (non-leaf) with the fields the first sheet has no room for. Sheet "体系信息": the system's
 * code, name, year, document, kind, source and categories. An exported file imports to the same tree.
 */
@Component
public class IndicatorWorkbook {

    static final String SHEET_LEAVES = "指标体系";
    static final String SHEET_INDICATORS = "指标说明";
    static final String SHEET_META = "体系信息";
    static final String PATH = "层级路径";

    /** The leaf's own columns, after the per-level groups. */
    static final List<String> LEAF_COLUMNS = List.of(
            "类型", "序号", "工作任务", "分值", "推定分值", "考核方式", "报送资料", "时间要求", "考核内容", "工作要求", "考核主体", "配合考核主体", "牵头单位", "配合单位",
            "适用类别", "字数限制", "字数上限", "来源", "备注");

    static final List<String> META_KEYS = List.of("代码", "名称", "年度", "文号", "类型", "来源", "适用类别");

    private final DudaoProperties.Upload limits;

    public IndicatorWorkbook(DudaoProperties properties) {
        this.limits = properties.upload();
    }

    // --------------------------------------------------------------------------------------- export

    public byte[] export(IndicatorTree tree) {
        List<IndicatorNode> roots = tree.roots();
        int levels = Math.max(1, maxLeafDepth(roots) - 1);
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle bold = bold(wb);
            Sheet leaves = wb.createSheet(SHEET_LEAVES);
            List<String> header = new ArrayList<>();
            for (int l = 1; l <= levels; l++) {
                header.add(l + "级序号");
                header.add(l + "级指标");
                header.add(l + "级分值");
            }
            header.addAll(LEAF_COLUMNS);
            header(leaves, header, bold);
            Sheet indicators = wb.createSheet(SHEET_INDICATORS);
            List<String> header2 = new ArrayList<>();
            header2.add(PATH);
            header2.addAll(LEAF_COLUMNS);
            header(indicators, header2, bold);
            int[] r = {1, 1};
            for (IndicatorNode root : roots) {
                write(root, new ArrayList<>(), levels, leaves, indicators, r);
            }
            Sheet meta = wb.createSheet(SHEET_META);
            var s = tree.system();
            List<String> values = List.of(
                    s.code(),
                    s.name(),
                    s.year() == null ? "" : String.valueOf(s.year()),
                    nz(s.documentNo()),
                    s.kind().name(),
                    nz(s.source()),
                    Cells.join(s.categories()));
            for (int i = 0; i < META_KEYS.size(); i++) {
                Row row = meta.createRow(i);
                row.createCell(0).setCellValue(META_KEYS.get(i));
                row.getCell(0).setCellStyle(bold);
                row.createCell(1).setCellValue(safe(values.get(i)));
            }
            meta.setColumnWidth(1, 80 * 256);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An empty workbook with the headers of a three-level system and one example row. */
    public byte[] template() {
        IndicatorNode task = new IndicatorNode(
                null,
                NodeKind.TASK,
                null,
                "证明事项清理情况",
                new BigDecimal("1"),
                null,
                List.of("报送资料"),
                List.of("证明事项清理报告", "《证明事项清理意见表》"),
                java.time.LocalDate.of(2020, 12, 31),
                null,
                "凡没有法律、法规或者国务院决定依据的，相应的证明事项应当立即清理",
                "市政府办公室职能转变协调科",
                List.of(),
                null,
                List.of(),
                List.of(),
                null,
                null,
                null,
                null,
                List.of());
        IndicatorNode l2 = new IndicatorNode(
                null,
                NodeKind.INDICATOR,
                null,
                "规范行政权力运行",
                new BigDecimal("2.5"),
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
                List.of(task));
        IndicatorNode l1 = new IndicatorNode(
                null,
                NodeKind.INDICATOR,
                "一、",
                "依法全面履行政府职能",
                new BigDecimal("13"),
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
                List.of(l2));
        var meta = new org.dudao.indicator.IndicatorSystemView(
                0,
                "CODE-2026",
                "示例指标体系",
                2026,
                null,
                SystemKind.ASSESSMENT,
                null,
                List.of(),
                1,
                org.dudao.indicator.SystemStatus.DRAFT,
                null,
                0,
                null,
                java.time.Instant.EPOCH);
        return export(new IndicatorTree(meta, List.of(l1)));
    }

    private void write(
            IndicatorNode n, List<IndicatorNode> ancestors, int levels, Sheet leaves, Sheet indicators, int[] r) {
        boolean leaf = n.children().isEmpty() && n.kind().isLeafKind();
        if (!leaf) {
            Row row = indicators.createRow(r[1]++);
            List<IndicatorNode> path = new ArrayList<>(ancestors);
            path.add(n);
            set(row, 0, pathKey(path));
            writeOwn(row, 1, n);
            List<IndicatorNode> next = new ArrayList<>(ancestors);
            next.add(n);
            for (IndicatorNode c : n.children()) {
                write(c, next, levels, leaves, indicators, r);
            }
            return;
        }
        Row row = leaves.createRow(r[0]++);
        for (int l = 0; l < ancestors.size(); l++) {
            IndicatorNode a = ancestors.get(l);
            set(row, l * 3, a.label());
            set(row, l * 3 + 1, a.name());
            set(row, l * 3 + 2, Cells.points(a.points()));
        }
        writeOwn(row, levels * 3, n);
    }

    private static void writeOwn(Row row, int c, IndicatorNode n) {
        set(row, c, Cells.kindLabel(n.kind()));
        set(row, c + 1, n.label());
        set(row, c + 2, n.name());
        set(row, c + 3, Cells.points(n.points()));
        set(row, c + 4, Cells.points(n.pointsInferred()));
        set(row, c + 5, Cells.join(n.methods()));
        set(row, c + 6, Cells.join(n.materials()));
        set(row, c + 7, n.deadline() == null ? null : n.deadline().toString());
        set(row, c + 8, n.description());
        set(row, c + 9, n.requirement());
        set(row, c + 10, n.assessorLead());
        set(row, c + 11, Cells.join(n.assessorCo()));
        set(row, c + 12, n.responsibleLead());
        set(row, c + 13, Cells.join(n.responsibleCo()));
        set(row, c + 14, Cells.join(n.categories()));
        set(row, c + 15, n.wordLimit() == null ? null : String.valueOf(n.wordLimit()));
        set(row, c + 16, n.wordLimitMax() == null ? null : String.valueOf(n.wordLimitMax()));
        set(row, c + 17, n.sourceRef());
        set(row, c + 18, n.note());
    }

    // --------------------------------------------------------------------------------------- import

    /** What an import read: the system's metadata (from the file), the tree, and row problems. */
    public record Read(NewSystem meta, List<IndicatorNode> roots, List<RowProblem> problems) {}

    public Read read(byte[] bytes) {
        checkContainer(bytes);
        if (bytes.length > limits.maxXlsxBytes()) {
            throw new InvalidInputException("file", "import.tooLarge", limits.maxXlsxBytes() / 1024 / 1024);
        }
        ZipSecureFile.setMinInflateRatio(limits.minInflateRatio());
        ZipSecureFile.setMaxEntrySize(limits.maxEntrySize());
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet leaves = wb.getSheet(SHEET_LEAVES) != null ? wb.getSheet(SHEET_LEAVES) : wb.getSheetAt(0);
            if (leaves.getLastRowNum() > limits.maxImportRows()) {
                throw new InvalidInputException("file", "import.tooManyRows", limits.maxImportRows());
            }
            return parse(wb, leaves);
        } catch (InvalidInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("file", "import.unreadable");
        }
    }

    static void checkContainer(byte[] bytes) {
        if (bytes.length == 0) {
            throw new InvalidInputException("file", "import.empty");
        }
        if (bytes.length >= 4 && (bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF) {
            throw new InvalidInputException("file", "indicator.import.encryptedOrOld");
        }
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K') {
            throw new InvalidInputException("file", "import.notXlsx");
        }
    }

    private Read parse(Workbook wb, Sheet leaves) {
        DataFormatter fmt = new DataFormatter();
        List<RowProblem> problems = new ArrayList<>();
        Row head = leaves.getRow(0);
        List<String> header = new ArrayList<>();
        if (head != null) {
            for (int c = 0; c < head.getLastCellNum(); c++) {
                header.add(nz(text(head, c, fmt)));
            }
        }
        int levels = 0;
        while (header.size() >= (levels + 1) * 3
                && header.get(levels * 3).equals((levels + 1) + "级序号")
                && header.get(levels * 3 + 1).equals((levels + 1) + "级指标")
                && header.get(levels * 3 + 2).equals((levels + 1) + "级分值")) {
            levels++;
        }
        int own = levels * 3;
        for (int i = 0; i < LEAF_COLUMNS.size(); i++) {
            String actual = own + i < header.size() ? header.get(own + i) : "";
            if (!LEAF_COLUMNS.get(i).equals(actual)) {
                throw new InvalidInputException("file", "import.badHeader", own + i + 1, LEAF_COLUMNS.get(i));
            }
        }
        Map<String, IndicatorNode> extra = indicatorSheet(wb, fmt, problems);
        Node root = new Node(null);
        Map<String, Integer> leafLabels = new LinkedHashMap<>();
        for (int r = 1; r <= leaves.getLastRowNum(); r++) {
            Row row = leaves.getRow(r);
            if (row == null || blank(row, own + LEAF_COLUMNS.size(), fmt)) {
                continue;
            }
            int excelRow = r + 1;
            Node parent = root;
            List<IndicatorNode> chain = new ArrayList<>();
            boolean gap = false;
            try {
                for (int l = 0; l < levels; l++) {
                    String label = text(row, l * 3, fmt);
                    String name = text(row, l * 3 + 1, fmt);
                    String points = text(row, l * 3 + 2, fmt);
                    if (name == null) {
                        if (label != null || points != null) {
                            throw cell(excelRow, header.get(l * 3 + 1), "indicator.import.nameRequired");
                        }
                        gap = true;
                        continue;
                    }
                    if (gap) {
                        throw cell(excelRow, header.get(l * 3 + 1), "indicator.import.parentMissing");
                    }
                    BigDecimal p = points(excelRow, header.get(l * 3 + 2), points);
                    IndicatorNode a = new IndicatorNode(
                            null,
                            NodeKind.INDICATOR,
                            label,
                            name,
                            p,
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
                    chain.add(a);
                    String key = pathKey(chain);
                    IndicatorNode detail = extra.get(key);
                    if (detail != null) {
                        // the indicator sheet carries the fields the leaf sheet has no room for
                        a = detail.withTitle(label, name, p);
                    }
                    Node existing = parent.child(key);
                    if (existing == null) {
                        existing = parent.add(key, a);
                    } else if (!java.util.Objects.equals(existing.data.points(), p)) {
                        throw cell(
                                excelRow,
                                header.get(l * 3 + 2),
                                "indicator.import.ancestorPointsDiffer",
                                Cells.points(existing.data.points()),
                                Cells.points(p));
                    }
                    parent = existing;
                }
                IndicatorNode leaf = own(row, own, excelRow, fmt);
                if (!leaf.kind().isLeafKind()) {
                    throw cell(excelRow, "类型", "indicator.import.leafKindRequired");
                }
                List<IndicatorNode> full = new ArrayList<>(chain);
                full.add(leaf);
                String key = pathKey(full);
                if (leaf.label() != null) {
                    String labelKey = pathKey(chain) + "#" + leaf.label();
                    Integer first = leafLabels.putIfAbsent(labelKey, excelRow);
                    if (first != null) {
                        throw cell(excelRow, "序号", "indicator.import.duplicateLabel", leaf.label(), first);
                    }
                }
                Node n = parent.add(key + "#row" + excelRow, leaf);
                n.leaf = true;
            } catch (RowException e) {
                problems.add(e.problem);
            }
        }
        int orphanRow = 1;
        for (var e : extra.entrySet()) { // indicators listed without any task under them
            orphanRow++;
            if (root.find(e.getKey()) == null && !root.attachOrphan(e.getKey(), e.getValue())) {
                problems.add(new RowProblem(
                        orphanRow, SHEET_INDICATORS + "·" + PATH, "indicator.import.parentNotFound", new Object[] {
                            e.getKey()
                        }));
            }
        }
        return new Read(meta(wb, fmt), root.build(), problems);
    }

    private Map<String, IndicatorNode> indicatorSheet(Workbook wb, DataFormatter fmt, List<RowProblem> problems) {
        Map<String, IndicatorNode> out = new LinkedHashMap<>();
        Sheet sheet = wb.getSheet(SHEET_INDICATORS);
        if (sheet == null) {
            return out;
        }
        List<String> header = new ArrayList<>();
        header.add(PATH);
        header.addAll(LEAF_COLUMNS);
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null || blank(row, header.size(), fmt)) {
                continue;
            }
            String path = text(row, 0, fmt);
            try {
                if (path == null) {
                    throw new RowException(new RowProblem(r + 1, PATH, "indicator.import.pathRequired", new Object[0]));
                }
                out.put(path, own(row, 1, r + 1, fmt));
            } catch (RowException e) {
                problems.add(new RowProblem(
                        e.problem.row(),
                        SHEET_INDICATORS + "·" + e.problem.column(),
                        e.problem.messageKey(),
                        e.problem.args()));
            }
        }
        return out;
    }

    /** A node's own columns, starting at column c: 类型, 序号, 工作任务 (name), 分值, ... 备注. */
    private IndicatorNode own(Row row, int c, int excelRow, DataFormatter fmt) {
        String name = text(row, c + 2, fmt);
        if (name == null) {
            throw cell(excelRow, "工作任务", "indicator.import.nameRequired");
        }
        try {
            return new IndicatorNode(
                    null,
                    Cells.kind(text(row, c, fmt)),
                    text(row, c + 1, fmt),
                    name,
                    Cells.points(text(row, c + 3, fmt)),
                    Cells.points(text(row, c + 4, fmt)),
                    Cells.methods(text(row, c + 5, fmt)),
                    Cells.list(text(row, c + 6, fmt)),
                    date(row.getCell(c + 7), fmt),
                    text(row, c + 8, fmt),
                    text(row, c + 9, fmt),
                    text(row, c + 10, fmt),
                    Cells.list(text(row, c + 11, fmt)),
                    text(row, c + 12, fmt),
                    Cells.list(text(row, c + 13, fmt)),
                    Cells.list(text(row, c + 14, fmt)),
                    Cells.integer(text(row, c + 15, fmt)),
                    Cells.integer(text(row, c + 16, fmt)),
                    text(row, c + 17, fmt),
                    text(row, c + 18, fmt),
                    List.of());
        } catch (Cells.CellException e) {
            throw new RowException(new RowProblem(excelRow, columnOf(e), e.key, e.args));
        }
    }

    private static String columnOf(Cells.CellException e) {
        return switch (e.key) {
            case "indicator.import.pointsNotNumber",
                    "indicator.import.pointsNegative",
                    "indicator.import.pointsDecimals",
                    "indicator.import.pointsTooLarge" -> "分值";
            case "indicator.import.badDate" -> "时间要求";
            case "indicator.import.unknownMethod" -> "考核方式";
            case "indicator.import.unknownKind" -> "类型";
            case "indicator.import.badInteger" -> "字数限制";
            default -> "";
        };
    }

    private static BigDecimal points(int row, String column, String value) {
        try {
            return Cells.points(value);
        } catch (Cells.CellException e) {
            throw new RowException(new RowProblem(row, column, e.key, e.args));
        }
    }

    private NewSystem meta(Workbook wb, DataFormatter fmt) {
        Sheet s = wb.getSheet(SHEET_META);
        Map<String, String> m = new LinkedHashMap<>();
        if (s != null) {
            for (int r = 0; r <= s.getLastRowNum(); r++) {
                Row row = s.getRow(r);
                if (row != null && text(row, 0, fmt) != null) {
                    m.put(text(row, 0, fmt), text(row, 1, fmt));
                }
            }
        }
        SystemKind kind;
        try {
            kind = m.get("类型") == null ? SystemKind.ASSESSMENT : SystemKind.valueOf(m.get("类型"));
        } catch (IllegalArgumentException e) {
            kind = SystemKind.ASSESSMENT;
        }
        Integer year;
        try {
            year = Cells.integer(m.get("年度"));
        } catch (Cells.CellException e) {
            year = null;
        }
        return new NewSystem(
                m.get("代码"), m.get("名称"), year, m.get("文号"), kind, m.get("来源"), Cells.list(m.get("适用类别")), null);
    }

    // -------------------------------------------------------------------------------------- helpers

    /** A tree being assembled from rows, keyed by path so that rows sharing ancestors share nodes. */
    private static final class Node {
        final IndicatorNode data;
        final Map<String, Node> children = new LinkedHashMap<>();
        boolean leaf;

        Node(IndicatorNode data) {
            this.data = data;
        }

        Node child(String key) {
            return children.get(key);
        }

        Node add(String key, IndicatorNode d) {
            // rows sharing ancestors share nodes: the key is the path of titles
            Node n = new Node(d);
            children.put(key, n);
            return n;
        }

        Node find(String key) {
            if (children.containsKey(key)) {
                return children.get(key);
            }
            for (Node c : children.values()) {
                Node f = c.find(key);
                if (f != null) {
                    return f;
                }
            }
            return null;
        }

        /** Adds an indicator that has no task row; false when its parent path is unknown or a leaf. */
        boolean attachOrphan(String key, IndicatorNode d) {
            int cut = key.lastIndexOf(" / ");
            Node parent = cut < 0 ? this : find(key.substring(0, cut));
            if (parent == null || parent.leaf) {
                return false;
            }
            parent.add(key, d);
            return true;
        }

        List<IndicatorNode> build() {
            return children.values().stream()
                    .map(c -> c.data.withChildren(c.build()))
                    .toList();
        }
    }

    private static final class RowException extends RuntimeException {
        final RowProblem problem;

        RowException(RowProblem problem) {
            super(problem.messageKey());
            this.problem = problem;
        }
    }

    private static RowException cell(int row, String column, String key, Object... args) {
        return new RowException(new RowProblem(row, column, key, args));
    }

    static String pathKey(List<IndicatorNode> path) {
        return String.join(" / ", path.stream().map(IndicatorNode::title).toList());
    }

    static int maxLeafDepth(List<IndicatorNode> nodes) {
        int max = 0;
        for (IndicatorNode n : nodes) {
            max = Math.max(max, 1 + maxLeafDepth(n.children()));
        }
        return max;
    }

    private static java.time.LocalDate date(Cell cell, DataFormatter fmt) {
        if (cell == null) {
            return null;
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate();
        }
        return Cells.date(unescape(fmt.formatCellValue(cell)));
    }

    private static String text(Row row, int c, DataFormatter fmt) {
        Cell cell = row.getCell(c);
        if (cell == null) {
            return null;
        }
        return Cells.text(unescape(fmt.formatCellValue(cell)));
    }

    private static boolean blank(Row row, int columns, DataFormatter fmt) {
        for (int c = 0; c < columns; c++) {
            if (text(row, c, fmt) != null) {
                return false;
            }
        }
        return true;
    }

    private static void header(Sheet sheet, List<String> names, CellStyle bold) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < names.size(); i++) {
            Cell c = row.createCell(i);
            c.setCellValue(names.get(i));
            c.setCellStyle(bold);
            sheet.setColumnWidth(i, 16 * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    private static CellStyle bold(Workbook wb) {
        CellStyle s = wb.createCellStyle();
        Font f = wb.createFont();
        f.setBold(true);
        s.setFont(f);
        return s;
    }

    private static void set(Row row, int c, String value) {
        if (value != null && !value.isEmpty()) {
            row.createCell(c).setCellValue(safe(value));
        }
    }

    /** Cells that look like formulas ({@link FormulaText}) are written with a leading apostrophe so no program runs them. */
    static String safe(String v) {
        if (FormulaText.looksLikeFormula(v)) {
            return "'" + v;
        }
        return v;
    }

    static String unescape(String v) {
        if (v != null && v.length() > 1 && v.charAt(0) == '\'' && FormulaText.looksLikeFormula(v.substring(1))) {
            return v.substring(1);
        }
        return v;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
