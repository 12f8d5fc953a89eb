package org.dudao.survey.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.dudao.shared.db.DatabaseTime;
import org.dudao.shared.error.DudaoException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * At most {@code dudao.survey.submissions-per-hour} (default 20) public submissions per client address
 * and clock hour, counted in the database so that every node shares the count. Every attempt counts,
 * accepted or not, and the count is committed on its own (a refused submission still counts).
 */
@Component
public class RateLimiter {

    private final SurveyStore store;
    private final DatabaseTime time;
    private final int perHour;

    RateLimiter(SurveyStore store, DatabaseTime time, @Value("${dudao.survey.submissions-per-hour:20}") int perHour) {
        this.store = store;
        this.time = time;
        this.perHour = perHour;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void hit(String addressHash) {
        Instant window = time.now().truncatedTo(ChronoUnit.HOURS);
        if (store.hit(addressHash, window) > perHour) {
            throw new DudaoException(HttpStatus.TOO_MANY_REQUESTS, null, "survey.public.rateLimited");
        }
    }

    public int perHour() {
        return perHour;
    }
}
