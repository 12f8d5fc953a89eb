package org.dudao.evidence;

import java.time.Instant;

/**
 * A file attached to an object of another module (owner kind and id), stored in the evidence blob
 * store under its SHA-256.
 */
public record AttachmentView(
        long id,
        String ownerKind,
        long ownerId,
        String sha256,
        String displayName,
        String fileType,
        String contentType,
        long size,
        String uploadedBy,
        Instant uploadedAt) {}
