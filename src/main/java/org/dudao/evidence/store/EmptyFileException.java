package org.dudao.evidence.store;

import org.dudao.shared.error.InvalidInputException;

/** An upload of zero bytes. */
public class EmptyFileException extends InvalidInputException {

    public EmptyFileException() {
        super("file", "evidence.file.empty");
    }
}
