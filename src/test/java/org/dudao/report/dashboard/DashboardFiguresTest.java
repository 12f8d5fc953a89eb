package org.dudao.report.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dudao.report.dashboard.DashboardFigures.Histogram;
import org.dudao.report.dashboard.DashboardFigures.Stats;
import org.junit.jupiter.api.Test;

class DashboardFiguresTest {

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void stats_averageHasTwoDecimalsHalfUp_nullsLeftOut() {
        Stats s = Stats.of(java.util.Arrays.asList(d("90.00"), d("85.51"), null, d("85.50")));
        assertThat(s.count()).isEqualTo(3);
        assertThat(s.average()).isEqualByComparingTo("87.00"); // 261.01 / 3 = 87.0033…
        assertThat(s.min()).isEqualByComparingTo("85.50");
        assertThat(s.max()).isEqualByComparingTo("90.00");
        assertThat(Stats.of(List.of()).average()).isNull();
    }

    @Test
    void histogram_binsIncludeTheirUpperBound_andSpanSixtyToHundredAtLeast() {
        Map<String, List<BigDecimal>> scores = new LinkedHashMap<>();
        scores.put("县区政府", List.of(d("100.00"), d("95.00"), d("95.01"), d("60.00")));
        scores.put("部门1", List.of(d("102.50")));
        Histogram h = Histogram.of(scores);
        assertThat(h.labels()).first().isEqualTo("55–60");
        assertThat(h.labels()).last().isEqualTo("100–105");
        assertThat(h.labels()).contains("60–65", "90–95", "95–100");
        List<Integer> county = h.counts().get("县区政府");
        assertThat(county.get(h.labels().indexOf("55–60"))).isEqualTo(1);
        assertThat(county.get(h.labels().indexOf("90–95"))).isEqualTo(1); // 95.00
        assertThat(county.get(h.labels().indexOf("95–100"))).isEqualTo(2); // 95.01, 100.00
        assertThat(h.counts().get("部门1").get(h.labels().indexOf("100–105"))).isEqualTo(1);
        assertThat(Histogram.of(Map.of("x", List.of(d("80")))).labels())
                .containsExactly("60–65", "65–70", "70–75", "75–80", "80–85", "85–90", "90–95", "95–100");
    }

    @Test
    void lostByIndicator_addsMaxMinusScoreOfApplicableLinesUnderTheFirstTitle() {
        List<Map<String, Object>> lines = List.of(
                line(List.of("一、依法全面履行政府职能", "规范权力"), "2.5", "2.00", false),
                line(List.of("一、依法全面履行政府职能"), "1", "0.60", false),
                line(List.of("二、完善依法行政制度体系"), "3", "0", true),
                line(List.of("二、完善依法行政制度体系"), null, null, false),
                line(List.of("三、推进行政决策"), 2, 2, false));
        Map<String, BigDecimal> lost =
                DashboardFigures.lostByIndicator(lines, List.of("一、依法全面履行政府职能", "二、完善依法行政制度体系", "三、推进行政决策"));
        assertThat(lost.keySet()).containsExactly("一、依法全面履行政府职能", "二、完善依法行政制度体系", "三、推进行政决策");
        assertThat(lost.get("一、依法全面履行政府职能")).isEqualByComparingTo("0.90");
        assertThat(lost.get("二、完善依法行政制度体系")).isEqualByComparingTo("0"); // not applicable loses nothing
        assertThat(lost.get("三、推进行政决策")).isEqualByComparingTo("0");
    }

    private static Map<String, Object> line(List<String> path, Object max, Object score, boolean na) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", path);
        m.put("maxPoints", max instanceof String s ? new BigDecimal(s) : max);
        m.put("score", score instanceof String s ? new BigDecimal(s) : score);
        m.put("notApplicable", na);
        return m;
    }
}
