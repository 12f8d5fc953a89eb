package org.dudao.evidence.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import org.dudao.evidence.FileView;
import org.dudao.evidence.domain.EvidenceAccess.TargetTask;
import org.dudao.evidence.domain.EvidenceRepository.Upload;
import org.dudao.evidence.store.BlobStore;
import org.dudao.evidence.store.EmptyFileException;
import org.dudao.evidence.store.StagedBlob;
import org.dudao.evidence.store.TooLargeException;
import org.dudao.shared.DudaoProperties;
import org.dudao.shared.error.ConflictException;
import org.dudao.shared.error.InvalidInputException;
import org.dudao.shared.error.NotFoundException;
import org.dudao.shared.error.Texts;
import org.dudao.shared.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 断点续传: a large file sent in chunks. The running total is checked against the size declared at the
 * start and against the limit before a chunk's bytes are written; a chunk must start where the last one
 * ended, so a client that lost its connection asks for the received count and goes on from there.
 */
@Service
public class ChunkedUploads {

    private final EvidenceRepository repo;
    private final SubmissionService submissions;
    private final EvidenceAccess access;
    private final BlobStore store;
    private final TransactionTemplate tx;
    private final Path dir;
    private final long maxBytes;
    private final int chunkBytes;

    ChunkedUploads(
            EvidenceRepository repo,
            SubmissionService submissions,
            EvidenceAccess access,
            BlobStore store,
            TransactionTemplate tx,
            DudaoProperties properties) {
        this.repo = repo;
        this.submissions = submissions;
        this.access = access;
        this.store = store;
        this.tx = tx;
        this.dir = properties.dataDir().resolve("uploads");
        this.maxBytes = properties.evidence().maxFileBytes();
        this.chunkBytes = properties.evidence().chunkBytes();
    }

    public record Started(UUID uploadId, int chunkBytes, long received) {}

    public Started start(long campaignId, long taskId, String name, long size, String sha256, CurrentUser user) {
        TargetTask tt = submissions.checkUploadAllowed(campaignId, taskId, user);
        if (size <= 0) {
            throw new EmptyFileException();
        }
        if (size > maxBytes) {
            throw new TooLargeException(maxBytes);
        }
        if (Texts.optional("name", name, 500) == null) {
            throw new InvalidInputException("name", "evidence.upload.nameRequired");
        }
        UUID id = UUID.randomUUID();
        try {
            Files.createDirectories(dir);
            Files.createFile(part(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        repo.insertUpload(new Upload(
                id,
                campaignId,
                tt.target().id(),
                taskId,
                name,
                size,
                0,
                SubmissionService.normaliseSha(sha256),
                user.username()));
        return new Started(id, chunkBytes, 0);
    }

    /** How many bytes arrived so far (to resume). */
    public long received(UUID id, CurrentUser user) {
        return owned(id, user).received();
    }

    /** Appends one chunk that starts at {@code offset}; returns the new total. */
    public long append(UUID id, long offset, InputStream in, CurrentUser user) {
        Long total = tx.execute(status -> {
            Upload u = owned(id, user, "evidence.upload.chunk");
            TargetTask tt = access.asTarget(u.campaignId(), u.taskId(), user, "evidence.upload.chunk");
            submissions.checkDeadline(tt);
            if (offset != u.received()) {
                throw new ConflictException(null, "evidence.upload.offset", String.valueOf(u.received()));
            }
            long room = Math.min(u.declaredSize(), maxBytes) - u.received();
            long written = appendBounded(part(id), in, room, u);
            repo.uploadReceived(id, u.received() + written);
            return u.received() + written;
        });
        return total;
    }

    /** Completes the upload: the assembled file is hashed, inspected and stored like a whole upload. */
    public FileView complete(UUID id, CurrentUser user) {
        Upload u = owned(id, user);
        if (u.received() != u.declaredSize()) {
            throw new ConflictException(
                    null, "evidence.upload.incomplete", String.valueOf(u.received()), String.valueOf(u.declaredSize()));
        }
        TargetTask tt = submissions.checkUploadAllowed(u.campaignId(), u.taskId(), user);
        try (StagedBlob staged = store.stageFile(part(id), maxBytes)) {
            FileView file = submissions.finishUpload(tt, staged, u.originalName(), u.clientSha256(), user);
            repo.deleteUpload(id);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Abandons an upload: its bytes are deleted. */
    public void cancel(UUID id, CurrentUser user) {
        owned(id, user);
        repo.deleteUpload(id);
        try {
            Files.deleteIfExists(part(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Upload owned(UUID id, CurrentUser user) {
        return owned(id, user, "evidence.upload");
    }

    /** The upload, locked, if the caller started it; 404 and a DENIED audit record otherwise. */
    private Upload owned(UUID id, CurrentUser user, String action) {
        return repo.lockUpload(id)
                .filter(x -> x.createdBy().equals(user.username()))
                .orElseThrow(() -> {
                    access.denied(action, id, "upload of another user");
                    return new NotFoundException("evidence-upload", id);
                });
    }

    Path part(UUID id) {
        return dir.resolve(id + ".part");
    }

    /** Copies at most {@code room} bytes; one byte more refuses the chunk and truncates what it wrote. */
    private long appendBounded(Path file, InputStream in, long room, Upload u) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            long start = u.received();
            ch.truncate(start);
            ch.position(start);
            byte[] buf = new byte[64 * 1024];
            long written = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                if (written + n > room) {
                    ch.truncate(start);
                    if (u.declaredSize() >= maxBytes) {
                        throw new TooLargeException(maxBytes);
                    }
                    throw new InvalidInputException(
                            "file", "evidence.upload.overDeclared", String.valueOf(u.declaredSize()));
                }
                ch.write(java.nio.ByteBuffer.wrap(buf, 0, n));
                written += n;
            }
            ch.force(false);
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
