package org.dudao.shared.error;

import org.springframework.http.HttpStatus;

/** The request contradicts the current state (duplicate, stale version, forbidden combination). */
public class ConflictException extends DudaoException {
    public ConflictException(String field, String messageKey, Object... args) {
        super(HttpStatus.CONFLICT, field, messageKey, args);
    }
}
