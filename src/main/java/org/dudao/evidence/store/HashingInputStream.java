package org.dudao.evidence.store;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Passes bytes through and hashes (SHA-256) and counts every byte that is read. {@link #skip} reads the skipped bytes
 * too, so the hash always covers everything that went past; mark and reset are not supported.
 */
public class HashingInputStream extends FilterInputStream {

    private final MessageDigest digest = Sha256.newDigest();
    private long count;
    private String hex;

    public HashingInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            digest.update((byte) b);
            count++;
        } else {
            atEnd();
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            digest.update(b, off, n);
            count += n;
        } else if (n < 0) {
            atEnd();
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[(int) Math.min(Math.max(n, 0), Staging.BUFFER_BYTES)];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readlimit) {}

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    /** Number of bytes read so far. */
    public long count() {
        return count;
    }

    /** Lowercase hex SHA-256 of the bytes read; after the first call no further bytes are hashed. */
    public String hex() {
        if (hex == null) {
            hex = Sha256.hex(digest.digest());
        }
        return hex;
    }

    /** Called whenever the underlying stream reports its end. */
    protected void atEnd() throws IOException {}
}
