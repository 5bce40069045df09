package dev.selfreg.host;

import dev.selfreg.vocabulary.CmeError;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The final result code that ends a module's answer to a command: {@code OK}, {@code ERROR} or
 * {@code +CME ERROR: <n>} (numeric with {@code AT+CMEE=1}, text with {@code AT+CMEE=2}).
 *
 * @param kind which of the three
 * @param line the line as the module sent it
 */
public record FinalResult(Kind kind, String line) {

    /** The three kinds of final result. */
    public enum Kind { OK, ERROR, CME_ERROR }

    private static final String CME_PREFIX = CmeError.PREFIX;

    public static final FinalResult OK = new FinalResult(Kind.OK, "OK");

    /** The final result this line is, if it is one. */
    public static Optional<FinalResult> parse(String line) {
        if (line.equals("OK")) {
            return Optional.of(OK);
        }
        if (line.equals("ERROR")) {
            return Optional.of(new FinalResult(Kind.ERROR, line));
        }
        if (line.startsWith(CME_PREFIX)) {
            return Optional.of(new FinalResult(Kind.CME_ERROR, line));
        }
        return Optional.empty();
    }

    public boolean isOk() {
        return kind == Kind.OK;
    }

    /** The numeric CME error code, when the module reported one ({@code AT+CMEE=1}). */
    public OptionalInt cmeCode() {
        if (kind != Kind.CME_ERROR) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(line.substring(CME_PREFIX.length()).strip()));
        } catch (NumberFormatException verbose) {
            return OptionalInt.empty();
        }
    }

    /** The line, with the meaning of a numeric CME code when it is a known one. */
    public String describe() {
        OptionalInt code = cmeCode();
        Optional<CmeError> error = code.isPresent() ? CmeError.of(code.getAsInt()) : Optional.empty();
        return error.map(known -> line + " (" + known.text() + ")").orElse(line);
    }
}
