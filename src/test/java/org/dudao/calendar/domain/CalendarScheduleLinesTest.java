package org.dudao.calendar.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.dudao.shared.error.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The calendar page's lines: one date or one period and the festival per line. */
class CalendarScheduleLinesTest {

    @Test
    void singleDatesAndPeriods_expandToOneEntryPerDay() {
        List<YearCommand.DayEntry> e =
                ScheduleLines.parse("2027-01-01 元旦\n\n  2027-02-05~2027-02-07 春节 \r\n2027-10-01至2027-10-02，国庆节", "h");
        assertThat(e)
                .extracting(x -> x.date() + " " + x.name())
                .containsExactly(
                        "2027-01-01 元旦",
                        "2027-02-05 春节",
                        "2027-02-06 春节",
                        "2027-02-07 春节",
                        "2027-10-01 国庆节",
                        "2027-10-02 国庆节");
    }

    @Test
    void otherSeparators() {
        assertThat(ScheduleLines.parse("2027-04-03..2027-04-05 清明节", "h")).hasSize(3);
        assertThat(ScheduleLines.parse("2027-04-03 ～ 2027-04-05\t清明节", "h")).hasSize(3);
        assertThat(ScheduleLines.parse("2027-02-13、春节", "w").get(0).date()).isEqualTo(LocalDate.parse("2027-02-13"));
        assertThat(ScheduleLines.parse(null, "w")).isEmpty();
    }

    @Test
    void anUnreadableLine_isRefusedWithItsNumber() {
        assertThatThrownBy(() -> ScheduleLines.parse("2027-01-01 元旦\n1月2日 元旦", "holidays"))
                .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
                    assertThat(ex.messageKey()).isEqualTo("calendar.year.line");
                    assertThat(ex.args()).containsExactly("2", "1月2日 元旦");
                    assertThat(ex.field()).isEqualTo("holidays");
                });
        assertThatThrownBy(() -> ScheduleLines.parse("2027-02-30 春节", "h"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        ex -> assertThat(ex.messageKey()).isEqualTo("calendar.year.line"));
        assertThatThrownBy(() -> ScheduleLines.parse("2027-01-01", "h")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aBackwardOrTooLongPeriod_isRefused() {
        assertThatThrownBy(() -> ScheduleLines.parse("2027-02-07~2027-02-05 春节", "h"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        ex -> assertThat(ex.messageKey()).isEqualTo("calendar.year.span"));
        assertThatThrownBy(() -> ScheduleLines.parse("2027-01-01~2027-03-01 寒假", "h"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        ex -> assertThat(ex.messageKey()).isEqualTo("calendar.year.span"));
    }
}
