/**
 * 报送资料 / Evidence: targets submit files, links, explanations and checklists per task before the
 * deadline (checked on the database's clock, extended by the office per target); assessors read,
 * return and lock submissions; every version is kept. Files are content-addressed by SHA-256 in a
 * local directory or an S3-compatible store, re-verified on download and by {@code scrub}; types are
 * recognised by content; packages by indicator path stream out as ZIP with a manifest.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "shared :: *", "organization", "campaign"})
package org.dudao.evidence;
