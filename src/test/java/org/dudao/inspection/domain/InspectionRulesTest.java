package org.dudao.inspection.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.dudao.inspection.ReportMeasure;
import org.dudao.inspection.SelfReportView.Figure;
import org.dudao.inspection.SelfReportView.Problem;
import org.dudao.inspection.SheetView;
import org.junit.jupiter.api.Test;

/** The rules of seed 002 as small functions: the 60 % share of a self-inspection report and the clauses of a check standard. */
class InspectionRulesTest {

    @Test
    void problemsAndMeasuresMustBeAtLeastSixtyPercent_causesCountOnlyTowardsTheLength() {
        // 4 narrative + 2 figure + (6 problem + 6 measures) + 2 causes = 20 characters, 12 of them problems/measures
        ReportMeasure m = ReportRules.measure(
                "总体 情况", List.of(new Figure("案", "件")), List.of(new Problem("问题一二三四", "原因", "措施一二三四")), 60, 100);
        assertThat(m.totalChars()).isEqualTo(20);
        assertThat(m.problemChars()).isEqualTo(12);
        assertThat(m.share()).isEqualByComparingTo("60.00");
        assertThat(m.shareOk()).isTrue();

        ReportMeasure below = ReportRules.measure(
                "总体情况好", List.of(new Figure("案", "件")), List.of(new Problem("问题一二三四", "原因", "措施一二三四")), 60, 100);
        assertThat(below.totalChars()).isEqualTo(21);
        assertThat(below.share()).isEqualByComparingTo("57.14");
        assertThat(below.shareOk()).isFalse();
    }

    @Test
    void whiteSpaceIsNotCounted_andTheLengthLimitIsChecked() {
        assertThat(ReportRules.chars(" 一 二\n三\u3000四\t")).isEqualTo(4);
        ReportMeasure m = ReportRules.measure("一二三四五六", List.of(), List.of(), 60, 5);
        assertThat(m.lengthOk()).isFalse();
        assertThat(m.shareOk()).isFalse();
        assertThat(ReportRules.measure("", List.of(), List.of(), 60, 5).shareOk())
                .isFalse();
    }

    @Test
    void checkStandardSplitsIntoClausesWithTheirPoints_andTheMethodApart() {
        CheckStandard s = CheckStandard.parse("纳入本地经济社会发展总体规划得2分,没有纳入不得分;列入常委会年度工作要点得2分,未列入不得分。检查方式:查看相关文件资料。");
        assertThat(s.clauses())
                .extracting(SheetView.Clause::text)
                .containsExactly("纳入本地经济社会发展总体规划得2分,没有纳入不得分", "列入常委会年度工作要点得2分,未列入不得分");
        assertThat(s.clauses())
                .extracting(SheetView.Clause::points)
                .containsExactly(new BigDecimal("2"), new BigDecimal("2"));
        assertThat(s.method()).isEqualTo("查看相关文件资料");
        assertThat(s.inconsistency(new BigDecimal("4"))).isNull();
    }

    @Test
    void everyPointsPhraseOfAClauseCounts_andAnUnprefixedLastSentenceIsTheMethod() {
        // PY-2020-PARTY item 8: the second clause prints 得2分 and 得1分
        CheckStandard eight = CheckStandard.parse(
                "成立相关工作机构得2分,未成立不得分;专业人员配备到位得2分,未到位酌情扣1-2分,工作培训情况及相关资料完整得1分,没有相关资料不得分。检查方式:查看文件及相关档案资料。");
        assertThat(eight.clauses().get(1).points()).isEqualByComparingTo("3");
        assertThat(eight.inconsistency(new BigDecimal("5"))).isNull();
        // PY-2020-PARTY item 1: "查看相关会议记录、文件资料" is printed without "检查方式"
        CheckStandard one = CheckStandard.parse(
                "听取工作汇报 2 次及以上得 2 分，少听取 1 次扣 1 分（其中必须有一次是法治建设的记录工作）；研究法治问题的记录完整得 2 分，不完整扣 1 分，没有记录不得分；解决问题的措施得力得 2 分，措施过于简单扣 1 分，没有措施不得分。查看相关会议记录、文件资料");
        assertThat(one.clauses()).hasSize(3);
        assertThat(one.method()).isEqualTo("查看相关会议记录、文件资料");
    }

    @Test
    void notScoringPhrasesAreNotPoints() {
        // PY-2020-PARTY item 10: "…得1分,未作为学习内容不得1分" is a 1-point clause (2 + 1 = 3, the item's points)
        CheckStandard ten = CheckStandard.parse(
                "开展党内法规宣传工作有力,成效明显得2分,成效不明显扣1分,未开展不得分;将党内法规作为县(区)委中心组学习的重要内容得1分,未作为学习内容不得1分。检查方式:查看相关经验材料、会议记录。");
        assertThat(ten.clauses())
                .extracting(SheetView.Clause::points)
                .containsExactly(new BigDecimal("2"), new BigDecimal("1"));
        assertThat(ten.inconsistency(new BigDecimal("3"))).isNull();
    }

    @Test
    void clausesThatDisagreeWithTheItemAreReported_notCorrected() {
        // PY-2020-GOV item 1 as printed: 2 + 2 + 4 = 8 for an item worth 7
        CheckStandard s = CheckStandard.parse(
                "制定五年规划得2分，未制定不得分；确定年度重点工作得2分，未确定不得分；全面落实五年规划并取得显著成效得4分，未全面落实或成效不明显扣1-3分，未落实不得分。检查方式：查看相关文件资料或根据市法治政府建设领导小组提供材料判定。");
        assertThat(s.clauses()).hasSize(3);
        assertThat(s.inconsistency(new BigDecimal("7"))).contains("合计 8 分").contains("7 分不一致");
    }
}
