package dev.selfreg.module.drivers;

import java.util.List;
import java.util.Optional;

/**
 * The lines that came back for one command, as an MCU's AT client holds them: the echo (while
 * echo is on), the empty lines of the {@code <CR><LF>} framing, information text, URCs that
 * arrived meanwhile, and the final result code, unless the timeout came first.
 */
record Reply(String command, List<String> lines, boolean complete) {

    static boolean isFinal(String line) {
        return line.equals("OK") || line.equals("ERROR") || line.startsWith("+CME ERROR:");
    }

    /** The final result code was {@code OK}. */
    boolean ok() {
        return complete && lines.get(lines.size() - 1).equals("OK");
    }

    /** Line {@code n}, counted from 1 as RT-Thread's at_resp_get_line does (the framing's empty line is line 1). */
    Optional<String> line(int n) {
        return n >= 1 && n <= lines.size() ? Optional.of(lines.get(n - 1)) : Optional.empty();
    }

    /** The first line containing {@code keyword}. */
    Optional<String> lineWith(String keyword) {
        return lines.stream().filter(line -> line.contains(keyword)).findFirst();
    }

    /** The first line starting with {@code prefix}. */
    Optional<String> lineStartingWith(String prefix) {
        return lines.stream().filter(line -> line.startsWith(prefix)).findFirst();
    }

    /** Everything received, as the bytes a driver scanning its buffer for a substring sees them. */
    String text() {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append("\r\n");
        }
        return text.toString();
    }
}
