package dev.selfreg.at;

import java.nio.charset.StandardCharsets;

/**
 * Turns the byte stream from the host into command lines, as a V.25ter terminal adapter does:
 * bytes before {@code AT}/{@code at} are line noise and discarded, {@code <CR>} ends a line, a
 * {@code <LF>} after it is ignored, backspace deletes, {@code A/} repeats the previous line.
 * The buffer is bounded: a line longer than {@link #MAX_LINE_BYTES} is reported as an overflow
 * once its {@code <CR>} arrives, and the reader is in step again for the next line.
 */
public final class AtLineReader {

    /** Input buffer size, {@code AT} included (at-commands.md §1, Interpretation: 1,024 bytes). */
    public static final int MAX_LINE_BYTES = 1024;

    private static final byte CR = '\r';
    private static final byte BACKSPACE = 0x08;

    /** Receives what the reader recognises. */
    public interface Listener {
        /** A complete command line; {@code body} is what follows the {@code AT} prefix. */
        void line(String body);

        /** A line that did not fit the input buffer ended. */
        void overflow();
    }

    private enum State { SEEK_A, SEEK_T, BODY, DISCARD }

    private final Listener listener;
    private final byte[] buffer = new byte[MAX_LINE_BYTES - 2];
    private int length;
    private State state = State.SEEK_A;
    private String previous;

    public AtLineReader(Listener listener) {
        this.listener = listener;
    }

    /** Feeds one byte from the host. */
    public void accept(byte b) {
        switch (state) {
            case SEEK_A -> {
                if (b == 'A' || b == 'a') {
                    state = State.SEEK_T;
                }
            }
            case SEEK_T -> {
                if (b == 'T' || b == 't') {
                    state = State.BODY;
                    length = 0;
                } else if (b == '/' && previous != null) {
                    state = State.SEEK_A;
                    listener.line(previous);
                } else if (b != 'A' && b != 'a') {
                    state = State.SEEK_A;
                }
            }
            case BODY -> body(b);
            case DISCARD -> {
                if (b == CR) {
                    state = State.SEEK_A;
                    listener.overflow();
                }
            }
        }
    }

    private void body(byte b) {
        if (b == CR) {
            state = State.SEEK_A;
            previous = new String(buffer, 0, length, StandardCharsets.UTF_8);
            listener.line(previous);
        } else if (b == BACKSPACE) {
            if (length > 0) {
                length--;
            }
        } else if (length == buffer.length) {
            state = State.DISCARD;
        } else {
            buffer[length++] = b;
        }
    }

    /** Forgets a partly received line, as a reboot does. */
    public void reset() {
        state = State.SEEK_A;
        length = 0;
        previous = null;
    }
}
