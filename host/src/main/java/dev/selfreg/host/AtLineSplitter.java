package dev.selfreg.host;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Splits the byte stream from a module into lines. A line ends at {@code <CR>} or {@code <LF>};
 * the empty lines that the {@code <CR><LF>text<CR><LF>} framing produces are dropped, as is a
 * command's echo terminator, so the split does not depend on how the bytes were chunked.
 */
final class AtLineSplitter {

    /** Longer than any answer of the module: a line this long is noise, emitted as it is. */
    static final int MAX_LINE_BYTES = 4096;

    private final Consumer<String> lines;
    private final ByteArrayOutputStream current = new ByteArrayOutputStream();

    AtLineSplitter(Consumer<String> lines) {
        this.lines = lines;
    }

    void accept(byte[] data, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            byte b = data[i];
            if (b == '\r' || b == '\n') {
                emit();
            } else {
                current.write(b);
                if (current.size() >= MAX_LINE_BYTES) {
                    emit();
                }
            }
        }
    }

    private void emit() {
        if (current.size() > 0) {
            String line = current.toString(StandardCharsets.UTF_8);
            current.reset();
            lines.accept(line);
        }
    }
}
