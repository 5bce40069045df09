package dev.selfreg.platform.core;

/**
 * Device-chosen text made safe for one log line: a device picks its endpoint name or report
 * body, and a line break in it would forge log lines. The records keep the text as received.
 */
public final class LogText {

    private LogText() {
    }

    /** The text with each control character shown as {@code .}. */
    public static String of(String text) {
        StringBuilder line = new StringBuilder(text.length());
        text.codePoints().forEach(c -> line.appendCodePoint(Character.isISOControl(c) ? '.' : c));
        return line.toString();
    }
}
