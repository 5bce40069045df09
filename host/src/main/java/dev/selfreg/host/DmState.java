package dev.selfreg.host;

import java.util.Map;

/**
 * {@code <DMstate>} of {@code AT+QDMPCFG=6}: where the module is with CMDMP. A record of the
 * number rather than an enum, as firmware may report a state the seed does not list.
 */
public record DmState(int code) {

    /** The states the seed lists (3.2.2). */
    private static final Map<Integer, String> MEANINGS = Map.of(
            0, "initial",
            4, "connect OK",
            5, "connect failed",
            6, "register OK",
            7, "register failed",
            8, "register timeout",
            9, "lifetime timeout",
            11, "update OK",
            12, "update failed",
            13, "update timeout");

    /** What the number means, or {@code unknown}. */
    public String meaning() {
        return MEANINGS.getOrDefault(code, "unknown");
    }

    @Override
    public String toString() {
        return code + " (" + meaning() + ")";
    }
}
