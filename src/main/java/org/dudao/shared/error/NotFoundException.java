package org.dudao.shared.error;

import org.springframework.http.HttpStatus;

/**
 * The object does not exist or is outside the caller's scope: both answer 404 so that a target
 * cannot learn that another unit's object exists.
 */
public class NotFoundException extends DudaoException {
    public NotFoundException(String objectType, Object id) {
        super(HttpStatus.NOT_FOUND, null, "error.notFound", objectType, String.valueOf(id));
    }
}
