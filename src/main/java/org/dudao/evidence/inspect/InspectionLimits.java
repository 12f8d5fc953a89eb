package org.dudao.evidence.inspect;

/**
 * Limits for zip containers (zip, docx, xlsx, pptx, ofd).
 *
 * @param zipMaxEntries most entries a container may hold
 * @param zipMaxUncompressedBytes most bytes all entries together may inflate to
 * @param zipMaxRatio largest ratio of inflated to compressed size of one entry (applied to entries that inflate to
 *     more than 1 MB, so small runs of zeros do not trip it)
 */
public record InspectionLimits(int zipMaxEntries, long zipMaxUncompressedBytes, int zipMaxRatio) {

    public InspectionLimits {
        if (zipMaxEntries < 1 || zipMaxUncompressedBytes < 1 || zipMaxRatio < 1) {
            throw new IllegalArgumentException("Zip limits must be positive");
        }
    }

    /** 10 000 entries, 2 GB in total, ratio 200: the defaults of {@code dudao.evidence.*}. */
    public static InspectionLimits defaults() {
        return new InspectionLimits(10_000, 2L * 1024 * 1024 * 1024, 200);
    }
}
