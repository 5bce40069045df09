package dev.selfreg.module.host;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.locks.LockSupport;

/**
 * Writes to a stream no faster than a serial line carries it: each slice of bytes goes out when
 * the line has finished the previous one. The line is outside the module, so this waits on wall
 * time, not on the module's clock (whose virtual time may stand still while the host waits).
 */
final class PacedOutputStream extends OutputStream {

    /** Bytes handed over at once: about a millisecond of line time, and at least one byte. */
    private static final long SLICE_NANOS = 1_000_000;

    private final OutputStream out;
    private final long nanosPerByte;
    private final int slice;
    private long lineFreeAt = System.nanoTime();

    PacedOutputStream(OutputStream out, LineRate rate) {
        this.out = out;
        this.nanosPerByte = rate.nanosPerByte();
        this.slice = (int) Math.max(1, SLICE_NANOS / nanosPerByte);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        for (int sent = 0; sent < length; ) {
            int n = Math.min(slice, length - sent);
            // an idle line starts now; a busy one when it is free, whenever the wait below ends
            long start = Math.max(lineFreeAt, System.nanoTime());
            waitUntil(start);
            out.write(bytes, offset + sent, n);
            out.flush();
            lineFreeAt = start + n * nanosPerByte;
            sent += n;
        }
    }

    private static void waitUntil(long time) throws IOException {
        for (long wait; (wait = time - System.nanoTime()) > 0; ) {
            LockSupport.parkNanos(wait);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while pacing output");
            }
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
