package org.dudao.indicator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.dudao.indicator.Finding;
import org.dudao.indicator.IndicatorNode;
import org.dudao.indicator.IndicatorTree;
import org.dudao.indicator.NodeKind;
import org.junit.jupiter.api.Test;

/**
 * The 2020 Pingdingshan and Puyang tables as printed: their shape, their level-1 points, and the
 * inconsistencies of the source that the validation report must state (and never fix).
 */
class SourceInconsistenciesTest {

    final BuiltinCatalogue catalogue = new BuiltinCatalogue();

    IndicatorTree tree(String code) {
        var b = catalogue.find(code).orElseThrow();
        return new IndicatorTree(IndicatorWorkbookTest.view(b), catalogue.tree(b));
    }

    static List<String> levelOnePoints(IndicatorTree t) {
        return t.roots().stream()
                .map(n -> n.points() == null ? "" : n.points().toPlainString())
                .toList();
    }

    @Test
    void countyTableHasTenLevelOneIndicatorsTotalling100AsPrinted() {
        IndicatorTree t = tree("PDS-2020-COUNTY");
        assertThat(levelOnePoints(t)).containsExactly("13", "5", "4", "13", "16", "3", "13", "18", "6", "9");
        assertThat(Validator.levelOneTotal(t.roots())).isEqualByComparingTo("100");
        assertThat(BuiltinSystemsTest.count(t.roots(), 2)).isEqualTo(33);
        assertThat(BuiltinSystemsTest.count(t.roots(), 3)).isEqualTo(105);
        assertThat(Validator.validate(t, null)).noneMatch(f -> f.code().equals("TOTAL_NOT_100"));
    }

    @Test
    void department1TotalsFifteenAndTheReportSaysSo() {
        IndicatorTree t = tree("PDS-2020-DEPT1");
        assertThat(levelOnePoints(t)).containsExactly("3", "7", "5");
        assertThat(BuiltinSystemsTest.count(t.roots(), 2)).isEqualTo(11);
        assertThat(Validator.validate(t, null))
                .filteredOn(f -> f.code().equals("TOTAL_NOT_100"))
                .singleElement()
                .satisfies(f -> assertThat(f.args()).containsExactly("15"));
    }

    @Test
    void department2LevelOneAddsTo100WhileItsPrintedChildrenDoNot() {
        IndicatorTree t = tree("PDS-2020-DEPT2");
        assertThat(levelOnePoints(t)).containsExactly("13", "5", "5", "13", "17", "6", "16", "10", "6", "9");
        assertThat(Validator.levelOneTotal(t.roots())).isEqualByComparingTo("100");
        BigDecimal levelTwo = t.roots().stream()
                .flatMap(n -> n.children().stream())
                .map(IndicatorNode::points)
                .filter(p -> p != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(levelTwo).isEqualByComparingTo("90.5");
        List<Finding> findings = Validator.validate(t, null);
        assertThat(findings).filteredOn(f -> f.code().equals("POINTS_MISMATCH")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(findings)
                .filteredOn(
                        f -> f.code().equals("POINTS_MISMATCH") && f.nodePath().equals("一、依法全面履行政府职能"))
                .singleElement()
                .satisfies(f -> assertThat(f.args()).containsExactly("13", "8.5"));
    }

    @Test
    void countyAndDepartment2GiveDifferentTotalsToTheSameLevelOneIndicators() {
        List<Finding> f = Validator.compareLevelOne(tree("PDS-2020-COUNTY"), tree("PDS-2020-DEPT2"));
        assertThat(f)
                .extracting(Finding::nodePath)
                .contains("三、建立健全依法决策机制", "五、全面落实行政执法责任制", "六、强化对行政权力的制约和监督", "七、全面推进政务公开", "八、依法有效化解社会矛盾纠纷");
    }

    @Test
    void puyangSheetsHaveSixDutiesAndTasksTotalling100() {
        IndicatorTree party = tree("PY-2020-PARTY");
        IndicatorTree gov = tree("PY-2020-GOV");
        assertThat(party.roots()).hasSize(6);
        assertThat(gov.roots()).hasSize(6);
        assertThat(BuiltinSystemsTest.count(party.roots(), 2)).isEqualTo(27);
        assertThat(BuiltinSystemsTest.count(gov.roots(), 2)).isEqualTo(30);
        assertThat(taskTotal(party.roots())).isEqualByComparingTo("100");
        assertThat(taskTotal(gov.roots())).isEqualByComparingTo("100");
        assertThat(party.roots().stream().flatMap(n -> n.children().stream()))
                .allSatisfy(task -> assertThat(task.requirement()).isNotBlank());
    }

    static BigDecimal taskTotal(List<IndicatorNode> nodes) {
        BigDecimal sum = BigDecimal.ZERO;
        for (IndicatorNode n : nodes) {
            if (n.kind() == NodeKind.TASK && n.points() != null) {
                sum = sum.add(n.points());
            }
            sum = sum.add(taskTotal(n.children()));
        }
        return sum;
    }
}
