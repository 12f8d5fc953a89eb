package org.dudao.bench;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dudao.indicator.Finding;
import org.dudao.indicator.IndicatorNode;
import org.dudao.indicator.IndicatorSystemView;
import org.dudao.indicator.IndicatorTree;
import org.dudao.indicator.NodeKind;
import org.dudao.indicator.SystemKind;
import org.dudao.indicator.SystemStatus;
import org.dudao.indicator.domain.IndicatorWorkbook;
import org.dudao.indicator.domain.Validator;
import org.dudao.shared.DudaoProperties;
import org.dudao.support.TestFiles;

/**
 * Prints how long it takes to read a 2,000-row indicator workbook and to validate the tree it gives
 * (goal: each well under 3 s on 2 cores). Run with bench/indicator-import.sh; not a test.
 */
public final class IndicatorImportBenchmark {

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        DudaoProperties props = TestFiles.properties(50L * 1024 * 1024, 100_000, 500L * 1024 * 1024);
        IndicatorWorkbook workbook = new IndicatorWorkbook(props);
        byte[] xlsx = workbook.export(tree(rows));
        System.out.printf("workbook: %d leaf rows, %d KiB%n", rows, xlsx.length / 1024);
        for (int r = 1; r <= rounds; r++) {
            long t0 = System.nanoTime();
            IndicatorWorkbook.Read read = workbook.read(xlsx);
            long t1 = System.nanoTime();
            IndicatorTree tree = new IndicatorTree(view(), read.roots());
            List<Finding> findings = Validator.validate(tree, LocalDate.of(2026, 12, 31));
            long t2 = System.nanoTime();
            System.out.printf(
                    "round %d: import %6.0f ms (%d nodes, %d problems), validate %5.0f ms (%d findings)%n",
                    r, (t1 - t0) / 1e6, tree.size(), read.problems().size(), (t2 - t1) / 1e6, findings.size());
        }
    }

    /** 10 level-1 × 10 level-2 × n/100 tasks, with points, methods, materials and a deadline. */
    static IndicatorTree tree(int rows) {
        List<IndicatorNode> roots = new ArrayList<>();
        int perLeaf = Math.max(1, rows / 100);
        for (int a = 1; a <= 10; a++) {
            List<IndicatorNode> level2 = new ArrayList<>();
            for (int b = 1; b <= 10; b++) {
                List<IndicatorNode> tasks = new ArrayList<>();
                for (int c = 1; c <= perLeaf; c++) {
                    tasks.add(new IndicatorNode(
                            null,
                            NodeKind.TASK,
                            c + ".",
                            "工作任务" + a + "-" + b + "-" + c,
                            new BigDecimal("0.05"),
                            null,
                            List.of("报送资料"),
                            List.of("材料一", "材料二"),
                            LocalDate.of(2026, 12, 31),
                            null,
                            "工作要求：按时报送",
                            "市司法局依法行政指导科",
                            List.of(),
                            null,
                            List.of(),
                            List.of(),
                            null,
                            null,
                            null,
                            null,
                            List.of()));
                }
                level2.add(new IndicatorNode(
                        null,
                        NodeKind.INDICATOR,
                        "（" + b + "）",
                        "二级指标" + b,
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
                        null,
                        tasks));
            }
            roots.add(new IndicatorNode(
                    null,
                    NodeKind.INDICATOR,
                    a + "、",
                    "一级指标" + a,
                    new BigDecimal("10"),
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
                    level2));
        }
        return new IndicatorTree(view(), roots);
    }

    static IndicatorSystemView view() {
        return new IndicatorSystemView(
                1,
                "BENCH-2026",
                "基准测试指标体系",
                2026,
                null,
                SystemKind.ASSESSMENT,
                null,
                List.of(),
                1,
                SystemStatus.DRAFT,
                null,
                1,
                null,
                Instant.EPOCH);
    }
}
