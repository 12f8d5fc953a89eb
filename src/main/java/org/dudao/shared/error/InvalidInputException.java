package org.dudao.shared.error;

import org.springframework.http.HttpStatus;

/** Input rejected by a rule: 400 with a message on the given field. */
public class InvalidInputException extends DudaoException {
    public InvalidInputException(String field, String messageKey, Object... args) {
        super(HttpStatus.BAD_REQUEST, field, messageKey, args);
    }
}
