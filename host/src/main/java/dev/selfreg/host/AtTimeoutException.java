package dev.selfreg.host;

import java.time.Duration;
import java.util.List;

/** No final result (or no expected unsolicited line) came within the time allowed. */
public final class AtTimeoutException extends AtChannelException {

    private final Duration timeout;
    private final List<String> heard;

    /**
     * @param awaited what did not come, e.g. {@code "no answer to AT+CGMR"}
     * @param heard   lines that did arrive meanwhile but were not an answer (noise from a wrong
     *                baud rate shows up here)
     */
    public AtTimeoutException(String command, String awaited, Duration timeout, List<String> heard) {
        super(command, awaited + " within " + format(timeout) + heardSuffix(heard), null);
        this.timeout = timeout;
        this.heard = List.copyOf(heard);
    }

    public Duration timeout() {
        return timeout;
    }

    /** Lines that arrived while waiting without being the answer. */
    public List<String> heard() {
        return heard;
    }

    static String format(Duration duration) {
        return duration.toMillis() % 1000 == 0 && duration.toMillis() > 0
                ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static String heardSuffix(List<String> heard) {
        if (heard.isEmpty()) {
            return "";
        }
        String text = String.join(" | ", heard);
        return " (heard only: " + (text.length() > 80 ? text.substring(0, 80) + "..." : text) + ")";
    }
}
