package org.dudao.shared.error;

import org.springframework.http.HttpStatus;

/**
 * A business error with a message key (resolved in the user's language) and its arguments. The
 * message is shown to users as is, so it never carries a stack trace or internal detail.
 */
public class DudaoException extends RuntimeException {

    private final HttpStatus status;
    private final String messageKey;
    private final transient Object[] args;
    private final String field;

    public DudaoException(HttpStatus status, String field, String messageKey, Object... args) {
        super(messageKey);
        this.status = status;
        this.field = field;
        this.messageKey = messageKey;
        this.args = args;
    }

    public HttpStatus status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }

    /** The form field the error belongs to, or null for the whole form. */
    public String field() {
        return field;
    }
}
