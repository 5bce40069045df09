package dev.selfreg.host;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One command line to send, with what the matcher needs to know about its answer.
 *
 * @param command        the command line, without the terminating {@code <CR>}
 * @param shown          how the command appears in errors and reports (a secret replaced)
 * @param responsePrefix the prefix of every information line of the answer (e.g.
 *                       {@code +QDMPCFG:}); a line without it that arrives meanwhile is
 *                       unsolicited. Empty: every line that is not a known URC is part of the
 *                       answer (for commands like {@code AT+CIMI} whose answer has no prefix)
 * @param timeout        how long to wait for the final result; empty for the channel's default
 */
public record AtRequest(String command, String shown, Optional<String> responsePrefix, Optional<Duration> timeout) {

    public AtRequest {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(shown, "shown");
        if (command.indexOf('\r') >= 0 || command.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a command is one line: " + shown);
        }
    }

    public static AtRequest of(String command) {
        return new AtRequest(command, command, Optional.empty(), Optional.empty());
    }

    /** Information lines of the answer start with {@code prefix}. */
    public AtRequest expecting(String prefix) {
        return new AtRequest(command, shown, Optional.of(prefix), timeout);
    }

    public AtRequest within(Duration value) {
        return new AtRequest(command, shown, responsePrefix, Optional.of(value));
    }

    /** Shows the command as {@code shownInstead} wherever it is reported, for commands that carry a secret. */
    public AtRequest shownAs(String shownInstead) {
        return new AtRequest(command, shownInstead, responsePrefix, timeout);
    }

    /** Never prints a secret: only the shown form. */
    @Override
    public String toString() {
        return shown;
    }
}
