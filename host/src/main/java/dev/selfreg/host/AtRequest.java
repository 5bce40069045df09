package dev.selfreg.host;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One command line to send, with the shape of its answer, after Android reference-ril's
 * atchannel: while the command is outstanding, only the information lines its {@link Answer}
 * admits join the answer; every other line (but the echo and the final result) is unsolicited
 * and goes to the {@link UrcListener}s, so a URC the host has never heard of cannot join an
 * answer.
 *
 * @param command the command line, without the terminating {@code <CR>}
 * @param shown   how the command appears in errors and reports (a secret replaced)
 * @param answer  which information lines belong to the answer
 * @param prefix  what those lines start with (e.g. {@code +QDMPCFG:}), for {@link
 *                Answer#SINGLE_LINE} and {@link Answer#MULTI_LINE} only
 * @param timeout how long to wait for the final result; empty for the channel's default
 */
public record AtRequest(String command, String shown, Answer answer, Optional<String> prefix, Optional<Duration> timeout) {

    /** Which information lines an answer has (reference-ril's command types, plus one for people). */
    public enum Answer {
        /** None: the final result alone (set commands, {@code ATE0}, {@code AT+QRST=1}). */
        NONE,
        /** One line that starts with a digit ({@code AT+CIMI}); any line after it is unsolicited. */
        NUMERIC,
        /** One line that starts with the prefix ({@code AT+QSREGENABLE?}); any line after it is unsolicited. */
        SINGLE_LINE,
        /** Every line that starts with the prefix ({@code AT+QDMPCFG?}). */
        MULTI_LINE,
        /**
         * Every line but a known URC ({@link UnsolicitedLines#isKnown}): a command a person typed,
         * whose answer the host knows nothing about, so an unknown URC does join it.
         */
        TYPED
    }

    public AtRequest {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(shown, "shown");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(timeout, "timeout");
        if (command.indexOf('\r') >= 0 || command.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a command is one line: " + shown);
        }
        boolean prefixed = answer == Answer.SINGLE_LINE || answer == Answer.MULTI_LINE;
        if (prefixed != prefix.filter(value -> !value.isEmpty()).isPresent()) {
            throw new IllegalArgumentException(prefixed ? "a " + answer + " answer needs a prefix: " + shown
                    : "a " + answer + " answer has no prefix: " + shown);
        }
    }

    /** A command answered by its final result alone. */
    public static AtRequest withoutLines(String command) {
        return of(command, Answer.NONE, null);
    }

    /** A command answered by one line of digits, e.g. {@code AT+CIMI}. */
    public static AtRequest numeric(String command) {
        return of(command, Answer.NUMERIC, null);
    }

    /** A command answered by one line that starts with {@code prefix}, e.g. {@code AT+QSREGENABLE?}. */
    public static AtRequest singleLine(String command, String prefix) {
        return of(command, Answer.SINGLE_LINE, prefix);
    }

    /** A command answered by any number of lines that start with {@code prefix}, e.g. {@code AT+QDMPCFG?}. */
    public static AtRequest multiLine(String command, String prefix) {
        return of(command, Answer.MULTI_LINE, prefix);
    }

    /** A command as a person typed it: every line that is not a known URC is its answer. */
    public static AtRequest typed(String command) {
        return of(command, Answer.TYPED, null);
    }

    private static AtRequest of(String command, Answer answer, String prefix) {
        return new AtRequest(command, command, answer, Optional.ofNullable(prefix), Optional.empty());
    }

    public AtRequest within(Duration value) {
        return new AtRequest(command, shown, answer, prefix, Optional.of(value));
    }

    /** Shows the command as {@code shownInstead} wherever it is reported, for commands that carry a secret. */
    public AtRequest shownAs(String shownInstead) {
        return new AtRequest(command, shownInstead, answer, prefix, timeout);
    }

    /**
     * Whether {@code line} belongs to the answer, which holds {@code taken} lines so far; the
     * line is neither the echo, nor a final result, nor a known URC.
     */
    boolean admits(String line, int taken) {
        return switch (answer) {
            case NONE -> false;
            case NUMERIC -> taken == 0 && !line.isEmpty() && line.charAt(0) >= '0' && line.charAt(0) <= '9';
            case SINGLE_LINE -> taken == 0 && line.startsWith(prefix.orElseThrow());
            case MULTI_LINE -> line.startsWith(prefix.orElseThrow());
            case TYPED -> true;
        };
    }

    /** Never prints a secret: only the shown form. */
    @Override
    public String toString() {
        return shown;
    }
}
