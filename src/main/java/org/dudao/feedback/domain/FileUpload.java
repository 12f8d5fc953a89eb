package org.dudao.feedback.domain;

import java.io.InputStream;

/** A file sent with a problem, a response, a review request or a rectification report. */
public record FileUpload(String name, InputStream content) {}
