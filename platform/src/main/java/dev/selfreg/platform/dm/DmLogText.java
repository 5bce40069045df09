package dev.selfreg.platform.dm;

/**
 * Device-chosen text made safe for one log line: a device picks its endpoint name, and a line break in it would
 * forge log lines. The records keep the text as received.
 */
final class DmLogText {

    private DmLogText() {
    }

    /** The text with each control character shown as {@code .}. */
    static String of(String text) {
        StringBuilder line = new StringBuilder(text.length());
        text.codePoints().forEach(c -> line.appendCodePoint(Character.isISOControl(c) ? '.' : c));
        return line.toString();
    }
}
