package org.dudao.evidence.store;

/**
 * What a {@link BlobStore#sweep sweep} did.
 *
 * @param examined stored blobs looked at
 * @param deleted unreferenced blobs older than the grace period that were deleted
 * @param deletedBytes their size in bytes
 * @param stagingDeleted abandoned staging files (older than the grace period) that were deleted
 */
public record SweepReport(long examined, long deleted, long deletedBytes, long stagingDeleted) {}
