package dev.selfreg.vocabulary;

import java.util.HashMap;
import java.util.Map;

/**
 * The {@code <DMstate>} of {@code AT+QDMPCFG=6}: where the module is with CMDMP (seed 3.2.2).
 * A record of the number rather than an enum, as firmware may report a state the seed does not
 * list; the constants are the ones it lists. When each is entered is the CMDMP agent's business
 * (spec self-registration.md §3).
 *
 * @param code the number the module shows
 */
public record DmState(int code) {

    /** The listed states' meanings, filled by the constants below. */
    private static final Map<Integer, String> MEANINGS = new HashMap<>();

    public static final DmState INITIAL = state(0, "initial");
    public static final DmState CONNECTED = state(4, "connect OK");
    public static final DmState CONNECT_FAILED = state(5, "connect failed");
    public static final DmState REGISTERED = state(6, "register OK");
    public static final DmState REGISTER_FAILED = state(7, "register failed");
    public static final DmState REGISTER_TIMEOUT = state(8, "register timeout");
    public static final DmState LIFETIME_TIMEOUT = state(9, "lifetime timeout");
    public static final DmState UPDATED = state(11, "update OK");
    public static final DmState UPDATE_FAILED = state(12, "update failed");
    public static final DmState UPDATE_TIMEOUT = state(13, "update timeout");

    private static DmState state(int code, String meaning) {
        MEANINGS.put(code, meaning);
        return new DmState(code);
    }

    /** What the seed says the number means, or {@code unknown}. */
    public String meaning() {
        return MEANINGS.getOrDefault(code, "unknown");
    }

    /** {@code 6 (register OK)}. */
    @Override
    public String toString() {
        return code + " (" + meaning() + ")";
    }
}
