package org.dudao.evidence.inspect;

/**
 * An accepted file.
 *
 * @param type what the content is
 * @param contentType the MIME type to serve it with ({@code type.contentType()})
 * @param displayName the sanitised name to show and to offer for download, with an extension that fits the type
 */
public record Inspection(FileType type, String contentType, String displayName) {

    Inspection(FileType type, String displayName) {
        this(type, type.contentType(), displayName);
    }
}
