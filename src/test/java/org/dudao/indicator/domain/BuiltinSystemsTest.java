package org.dudao.indicator.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dudao.indicator.BuiltinSystem;
import org.dudao.indicator.IndicatorNode;
import org.dudao.indicator.NodeKind;
import org.junit.jupiter.api.Test;

/**
 * The built-in systems load, and their shape matches the source documents: node counts per level, the
 * numbering as printed, and points per level-1 indicator. Where a count can be read off the seed text
 * independently of the transcription, the test reads it there.
 */
class BuiltinSystemsTest {

    static final Path SEEDS = Path.of("../shared/seeds");
    final BuiltinCatalogue catalogue = new BuiltinCatalogue();

    @Test
    void everyListedBuiltinParsesWithoutBrokenRows() {
        List<BuiltinSystem> all = catalogue.all();
        assertThat(all)
                .extracting(b -> b.meta().code())
                .contains(
                        "PDS-2020-COUNTY",
                        "PDS-2020-DEPT1",
                        "PDS-2020-DEPT2",
                        "PY-2020-PARTY",
                        "PY-2020-GOV",
                        "PDS-2019-MODEL",
                        "LS-2021-MODEL",
                        "PDS-2022-PLAN",
                        "PDS-2022-ASSESS");
        for (BuiltinSystem b : all) {
            if (b.available()) {
                assertThat(catalogue.tree(b)).as(b.meta().code()).isNotEmpty();
            }
        }
    }

    @Test
    void lushanModelHasItems1To95AndFourAdditionalItems() throws IOException {
        List<IndicatorNode> roots = tree("LS-2021-MODEL");
        List<IndicatorNode> items =
                roots.stream().filter(n -> n.kind() == NodeKind.INDICATOR).toList();
        assertThat(items).hasSize(95);
        for (int i = 0; i < 95; i++) {
            assertThat(items.get(i).label()).isEqualTo("第" + (i + 1) + "项");
        }
        assertThat(roots.stream().filter(n -> n.kind() == NodeKind.BONUS)).hasSize(2);
        assertThat(roots.stream().filter(n -> n.kind() == NodeKind.PENALTY)).hasSize(2);
        assertThat(count(roots, 2)).isEqualTo(149);
        String seed = seed("003_af48dd5e3f9ff6e9.txt");
        assertThat(matches(seed, "(?m)^第(\\d+)项指标")).hasSize(95);
        assertThat(matches(seed, "(?m)^附加项指标(加分项|减分项)\\d")).hasSize(4);
    }

    @Test
    void implementationPlanHasTasks1To82UnderTheirHeadings() throws IOException {
        List<IndicatorNode> roots = tree("PDS-2022-PLAN");
        List<IndicatorNode> tasks = leaves(roots);
        assertThat(tasks).hasSize(82);
        for (int i = 0; i < 82; i++) {
            assertThat(tasks.get(i).label()).isEqualTo((i + 1) + ".");
            assertThat(tasks.get(i).deadline()).hasToString("2025-12-31");
        }
        assertThat(roots).hasSize(9);
        assertThat(count(roots, 2)).isEqualTo(31);
        String seed = seed("004_fa87960e95ab5bd3.txt");
        String plan = seed.substring(seed.indexOf("\n平顶山市法治政府建设实施方案\n"), seed.indexOf("\n法治鹰城（法治政府）建设考核方案\n"));
        assertThat(matches(plan, "(?m)^(\\d{1,2})\\.\\s*\\S")).hasSize(82);
    }

    @Test
    void modelCitySupplementHas29TasksWithWordLimits() {
        List<IndicatorNode> roots = tree("PDS-2019-MODEL");
        assertThat(roots).hasSize(9);
        assertThat(count(roots, 2)).isEqualTo(19);
        List<IndicatorNode> tasks = leaves(roots);
        assertThat(tasks).hasSize(29);
        assertThat(tasks).allSatisfy(t -> {
            assertThat(t.wordLimit()).isEqualTo(500);
            assertThat(t.wordLimitMax()).isEqualTo(1000);
        });
    }

    @Test
    void assessmentFrameHasPartyLeadershipCommonDutiesCategoryDutiesAndCaps() {
        List<IndicatorNode> roots = tree("PDS-2022-ASSESS");
        assertThat(roots.stream().filter(n -> n.kind() == NodeKind.INDICATOR)).hasSize(3);
        IndicatorNode bonus = roots.stream()
                .filter(n -> n.kind() == NodeKind.BONUS)
                .findFirst()
                .orElseThrow();
        IndicatorNode penalty = roots.stream()
                .filter(n -> n.kind() == NodeKind.PENALTY)
                .findFirst()
                .orElseThrow();
        assertThat(bonus.points()).isEqualByComparingTo("5");
        assertThat(penalty.points()).isEqualByComparingTo("10");
        assertThat(count(roots, 3)).isEqualTo(26);
    }

    /**
     * 附件5 (部门2): the seed's last line (000:414, without a line break) holds the fifth task of
     * 健全法治政府建设推进机制, so 十、 is 9 points over 9 one-point tasks as printed.
     */
    @Test
    void department2EndsWithTheSatisfactionSelfAssessmentTask() {
        List<IndicatorNode> roots = tree("PDS-2020-DEPT2");
        assertThat(leaves(roots)).hasSize(95);
        IndicatorNode last = roots.get(roots.size() - 1);
        assertThat(last.label()).isEqualTo("十、");
        assertThat(leaves(List.of(last))).hasSize(9).last().satisfies(t -> {
            assertThat(t.name()).isEqualTo("开展推进法治政府建设满意度自评工作");
            assertThat(t.points()).isEqualByComparingTo("1");
            assertThat(t.sourceRef()).isEqualTo("000:414");
        });
    }

    // ---------------------------------------------------------------------------------------------

    List<IndicatorNode> tree(String code) {
        BuiltinSystem b = catalogue.find(code).orElseThrow();
        assumeTrue(b.available(), code + " not transcribed yet");
        return catalogue.tree(b);
    }

    static List<IndicatorNode> leaves(List<IndicatorNode> nodes) {
        List<IndicatorNode> out = new ArrayList<>();
        for (IndicatorNode n : nodes) {
            if (n.children().isEmpty() && n.kind() == NodeKind.TASK) {
                out.add(n);
            }
            out.addAll(leaves(n.children()));
        }
        return out;
    }

    /** Nodes at a depth (1 = roots). */
    static int count(List<IndicatorNode> nodes, int depth) {
        if (depth == 1) {
            return nodes.size();
        }
        return nodes.stream().mapToInt(n -> count(n.children(), depth - 1)).sum();
    }

    static BigDecimal sumPoints(List<IndicatorNode> nodes) {
        return nodes.stream()
                .map(IndicatorNode::points)
                .filter(p -> p != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static String seed(String file) throws IOException {
        Path p = SEEDS.resolve(file);
        assumeTrue(Files.exists(p), "seed documents not beside the checkout");
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    static List<String> matches(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
