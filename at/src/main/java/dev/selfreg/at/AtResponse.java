package dev.selfreg.at;

import dev.selfreg.vocabulary.CmeError;
import java.util.ArrayList;
import java.util.List;

/**
 * What a command answers: information lines, then {@code OK} or an error, and optionally an
 * action that runs once the final result code is on the wire (a reboot after {@code OK}).
 */
public final class AtResponse {

    private static final Runnable NOTHING = () -> { };
    private static final AtResponse OK = new AtResponse(List.of(), true, null, NOTHING);

    private final List<String> lines;
    private final boolean ok;
    private final CmeError error;
    private final Runnable after;

    private AtResponse(List<String> lines, boolean ok, CmeError error, Runnable after) {
        this.lines = lines;
        this.ok = ok;
        this.error = error;
        this.after = after;
    }

    /** Information lines followed by {@code OK}. */
    public static AtResponse ok(String... lines) {
        return lines.length == 0 ? OK : new AtResponse(List.of(lines), true, null, NOTHING);
    }

    /** Information lines followed by {@code OK}. */
    public static AtResponse ok(List<String> lines) {
        return new AtResponse(List.copyOf(lines), true, null, NOTHING);
    }

    /**
     * An error final result: {@code +CME ERROR: <n>} when the host asked for it with
     * {@code AT+CMEE}, else {@code ERROR}. A null {@code error} is always a plain {@code ERROR}
     * (syntax errors and unknown commands).
     */
    public static AtResponse error(CmeError error) {
        return new AtResponse(List.of(), false, error, NOTHING);
    }

    /** This response, followed by {@code action} once it has been sent. */
    public AtResponse then(Runnable action) {
        return new AtResponse(lines, ok, error, action);
    }

    /**
     * A chain's answer so far, then {@code next}'s: both one's information lines, {@code next}'s
     * final result, and both after-actions in order (this one's {@code OK} is folded away).
     */
    AtResponse followedBy(AtResponse next) {
        List<String> both = new ArrayList<>(lines);
        both.addAll(next.lines);
        Runnable first = after;
        Runnable second = next.after;
        return new AtResponse(List.copyOf(both), next.ok, next.error, () -> {
            first.run();
            second.run();
        });
    }

    public List<String> lines() {
        return lines;
    }

    public boolean isOk() {
        return ok;
    }

    /** The error of a failed command; null when it succeeded or failed with a plain ERROR. */
    public CmeError error() {
        return error;
    }

    Runnable after() {
        return after;
    }
}
