package dev.selfreg.lab;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What a host has received from its module's UART and not read yet, bounded as a host driver's receive buffer is:
 * past {@link #CAPACITY} bytes the oldest lines are dropped (down to half of it), so a module left alone for months (a fleet's) holds a
 * few kilobytes of its latest output, not everything it printed. What is kept starts at a line. Safe for the
 * module's thread and the host's.
 */
final class HostInput {

    /** More than the longest answer and the URCs of a wake-up together, a few lines of AT each. */
    static final int CAPACITY = 16 * 1024;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    /** Takes what the module sent, dropping the oldest lines past {@link #CAPACITY}. */
    synchronized void received(byte[] data) {
        bytes.writeBytes(data);
        if (bytes.size() <= CAPACITY) {
            return;
        }
        // down to half at once, so that a module never read copies its buffer once per line, not at every write
        byte[] all = bytes.toByteArray();
        int from = all.length - CAPACITY / 2;
        while (from < all.length && all[from - 1] != '\n') {
            from++;
        }
        bytes.reset();
        bytes.write(all, from, all.length - from);
    }

    /** Everything not read yet, as text; afterwards nothing is. */
    synchronized String drain() {
        String text = bytes.toString(StandardCharsets.UTF_8);
        bytes.reset();
        return text;
    }
}
