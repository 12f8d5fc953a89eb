package org.dudao.evidence.inspect;

import org.dudao.shared.error.InvalidInputException;

/** An uploaded file refused by {@link FileInspector}; the message key says why ({@code evidence.file.*}). */
public class FileRejectedException extends InvalidInputException {

    public FileRejectedException(String messageKey, Object... args) {
        super("file", messageKey, args);
    }
}
