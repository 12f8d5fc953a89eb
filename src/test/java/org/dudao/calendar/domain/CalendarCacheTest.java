package org.dudao.calendar.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.SimpleTransactionStatus;

/** The in-memory calendar: no query per question, a revision check at most every 10 seconds, reload on change. */
class CalendarCacheTest {

    final CalendarStore store = mock(CalendarStore.class);
    final PlatformTransactionManager transactions = mock(PlatformTransactionManager.class);
    final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    final CalendarCache cache = new CalendarCache(store, transactions, nanos::get);

    final WorkingCalendar shipped = BuiltinSchedules.load().calendar();
    final WorkingCalendar withOverride = WorkingCalendar.of(
            BuiltinSchedules.load().years(),
            BuiltinSchedules.load().days(),
            List.of(new LocalOverride(1, LocalDate.parse("2026-03-02"), SpecialDayKind.HOLIDAY, "本地", "x", null)));

    @BeforeEach
    void setUp() {
        when(transactions.getTransaction(any())).thenAnswer(i -> new SimpleTransactionStatus());
    }

    void advanceSeconds(long s) {
        nanos.addAndGet(s * 1_000_000_000L);
    }

    @Test
    void questionsWithinTenSeconds_costNoQuery() {
        when(store.revision()).thenReturn(1L);
        when(store.read()).thenReturn(shipped);
        for (int i = 0; i < 1000; i++) {
            assertThat(cache.current().isWorkingDay(LocalDate.parse("2026-03-02")))
                    .isTrue();
        }
        advanceSeconds(9);
        cache.current();
        verify(store, times(1)).revision();
        verify(store, times(1)).read();
    }

    @Test
    void afterTenSeconds_theRevisionIsChecked_andTheCalendarReloadsOnlyWhenItMoved() {
        when(store.revision()).thenReturn(1L, 1L, 2L);
        when(store.read()).thenReturn(shipped, withOverride);
        assertThat(cache.current().isWorkingDay(LocalDate.parse("2026-03-02"))).isTrue();
        advanceSeconds(11);
        assertThat(cache.current().isWorkingDay(LocalDate.parse("2026-03-02"))).isTrue(); // same revision
        verify(store, times(1)).read();
        advanceSeconds(11);
        // another node added a local day off: revision 2
        assertThat(cache.current().isWorkingDay(LocalDate.parse("2026-03-02"))).isFalse();
        verify(store, times(3)).revision();
        verify(store, times(2)).read();
    }

    @Test
    void aLocalChange_isSeenAtOnce() {
        when(store.revision()).thenReturn(1L, 2L);
        when(store.read()).thenReturn(shipped, withOverride);
        assertThat(cache.current().isWorkingDay(LocalDate.parse("2026-03-02"))).isTrue();
        cache.invalidateAfterCommit(); // no transaction: at once
        assertThat(cache.current().isWorkingDay(LocalDate.parse("2026-03-02"))).isFalse();
    }
}
