package org.dudao.evidence.inspect;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/** Positioned reads and byte searches the inspectors share. */
final class Bytes {

    private Bytes() {}

    /** Fills {@code buffer} from {@code pos} on. */
    static void readFully(FileChannel channel, ByteBuffer buffer, long pos) throws IOException {
        long at = pos;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new EOFException();
            }
            at += n;
        }
    }

    /** {@code length} bytes from {@code pos} (the caller keeps within the file). */
    static byte[] read(FileChannel channel, long pos, int length) throws IOException {
        byte[] bytes = new byte[length];
        readFully(channel, ByteBuffer.wrap(bytes), pos);
        return bytes;
    }

    /** The last {@code length} bytes, or the whole file when it is shorter. */
    static byte[] tail(FileChannel channel, long size, int length) throws IOException {
        int n = (int) Math.min(size, length);
        return read(channel, size - n, n);
    }

    /** Where the ASCII text {@code needle} first occurs in {@code haystack}, or -1. */
    static int indexOf(byte[] haystack, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i <= haystack.length - n.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (haystack[i + j] != n[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Whether {@code bytes} starts with {@code prefix} at {@code offset}. */
    static boolean startsWith(byte[] bytes, int offset, byte... prefix) {
        if (bytes.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
