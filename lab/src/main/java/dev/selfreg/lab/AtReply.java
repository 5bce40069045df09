package dev.selfreg.lab;

import java.util.List;

/**
 * What a module answered to one command line: the lines between the framing (echo removed,
 * unsolicited lines included where they came), the last being the final result code.
 */
public record AtReply(List<String> lines) {

    public AtReply {
        lines = List.copyOf(lines);
    }

    /**
     * The final result code: {@code OK}, {@code ERROR} or {@code +CME ERROR: <n>} (unsolicited lines
     * such as the {@code RDY} after {@code AT+QRST=1} may follow it); empty if none came.
     */
    public String finalResult() {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (isFinalResult(lines.get(i))) {
                return lines.get(i);
            }
        }
        return "";
    }

    /** Whether {@code line} ends a command's answer. */
    public static boolean isFinalResult(String line) {
        return line.equals("OK") || line.equals("ERROR") || line.startsWith("+CME ERROR:");
    }

    public boolean isOk() {
        return finalResult().equals("OK");
    }

    @Override
    public String toString() {
        return String.join(" / ", lines);
    }
}
