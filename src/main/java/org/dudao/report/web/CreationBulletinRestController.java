package org.dudao.report.web;

import org.dudao.report.documents.CreationBulletin;
import org.dudao.report.documents.GeneratedDocument;
import org.dudao.shared.security.CurrentUser;
import org.dudao.shared.web.Downloads;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** 示范创建进展通报 as docx, for the campaign's office (bearer under /api/v1, the session under /app). */
@RestController
class CreationBulletinRestController {

    private final CreationBulletin bulletin;

    CreationBulletinRestController(CreationBulletin bulletin) {
        this.bulletin = bulletin;
    }

    @GetMapping({"/api/v1/creation/campaigns/{id}/bulletin.docx", "/app/creation/campaigns/{id}/bulletin.docx"})
    @PreAuthorize("hasAuthority('creation:campaign:manage')")
    ResponseEntity<byte[]> docx(@PathVariable long id) {
        GeneratedDocument d = bulletin.docx(id, CurrentUser.require());
        return Downloads.docx(d.bytes(), d.filename());
    }
}
