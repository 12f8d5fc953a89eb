package org.dudao.indicator.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.indicator.domain.IndicatorNodes.indicator;
import static org.dudao.indicator.domain.IndicatorNodes.task;
import static org.dudao.indicator.domain.IndicatorNodes.tree;

import java.time.LocalDate;
import java.util.List;
import org.dudao.indicator.Finding;
import org.dudao.indicator.IndicatorNode;
import org.dudao.indicator.NodeKind;
import org.dudao.indicator.SystemKind;
import org.junit.jupiter.api.Test;

/** The validation report states the source's inconsistencies and changes nothing. */
class ValidatorTest {

    @Test
    void statedPointsDifferingFromTheChildrenAreReportedWithBothNumbers() {
        var t = tree(
                SystemKind.ASSESSMENT,
                "A",
                null,
                indicator(
                        "一、",
                        "依法全面履行政府职能",
                        "13",
                        indicator(
                                null, "规范行政权力运行", "2.5", task("a", "1", "报送资料", "x"), task("b", "0.5", "日常掌握", "y"))));
        List<Finding> f = Validator.validate(t, null);
        assertThat(f)
                .filteredOn(x -> x.code().equals("POINTS_MISMATCH"))
                .extracting(Finding::nodePath, x -> List.of(x.args()))
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("一、依法全面履行政府职能", List.of("13", "2.5")),
                        org.assertj.core.groups.Tuple.tuple("一、依法全面履行政府职能 / 规范行政权力运行", List.of("2.5", "1.5")));
        assertThat(f).anySatisfy(x -> assertThat(x.code()).isEqualTo("TOTAL_NOT_100"));
        assertThat(t.roots().get(0).points()).isEqualByComparingTo("13"); // untouched
    }

    @Test
    void tasksWithoutMethodAssessorOrPointsAreReported() {
        var t = tree(
                SystemKind.ASSESSMENT,
                "A",
                null,
                indicator(
                        "一、",
                        "x",
                        "2",
                        task("no method", "1", null, "x"),
                        task("no assessor", "1", "日常掌握", null),
                        task("no points", null, "日常掌握", "x")));
        List<String> codes =
                Validator.validate(t, null).stream().map(Finding::code).toList();
        assertThat(codes).contains("NO_METHOD", "NO_ASSESSOR", "NO_POINTS");
    }

    @Test
    void duplicateLabelsAndLateDeadlinesAndLeavesWithChildren() {
        IndicatorNode late = new IndicatorNode(
                null,
                NodeKind.TASK,
                "1.",
                "late",
                null,
                null,
                List.of("日常掌握"),
                null,
                LocalDate.of(2021, 3, 31),
                null,
                null,
                "x",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of());
        IndicatorNode twin = new IndicatorNode(
                null,
                NodeKind.TASK,
                "1.",
                "twin",
                null,
                null,
                List.of("日常掌握"),
                null,
                null,
                null,
                null,
                "x",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(task("child", null, "日常掌握", "x")));
        var t = tree(SystemKind.ASSESSMENT, "A", null, indicator("一、", "x", null, late, twin));
        List<String> codes = Validator.validate(t, LocalDate.of(2020, 12, 31)).stream()
                .map(Finding::code)
                .toList();
        assertThat(codes).contains("DUPLICATE_LABEL", "DEADLINE_AFTER_END", "LEAF_WITH_CHILDREN");
    }

    @Test
    void creationTasksNeedResponsibleUnitsNotPoints() {
        var t = tree(SystemKind.CREATION, "C", null, indicator("第1项", "x", null, task("t", null, "网络检索", null)));
        List<String> codes =
                Validator.validate(t, null).stream().map(Finding::code).toList();
        assertThat(codes).contains("NO_RESPONSIBLE").doesNotContain("NO_POINTS", "NO_ASSESSOR");
    }

    @Test
    void sameLevelOneIndicatorWithDifferentTotalsInTwoSystemsOfOnePlan() {
        var county = tree(SystemKind.ASSESSMENT, "COUNTY", "doc", indicator("一、", "依法全面履行政府职能", "13"));
        var dept = tree(SystemKind.ASSESSMENT, "DEPT2", "doc", indicator("一、", "依法全面履行政府职能", "12"));
        assertThat(Validator.compareLevelOne(county, dept)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("LEVEL1_DIFFERS");
            assertThat(f.args()).containsExactly("13", "DEPT2", "12");
        });
    }
}
