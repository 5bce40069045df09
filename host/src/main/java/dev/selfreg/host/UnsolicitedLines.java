package dev.selfreg.host;

import java.util.regex.Pattern;

/**
 * The unsolicited result codes a BC260Y-CN sends on its own, recognised whatever command is in
 * flight, so that they never end up inside an answer.
 */
public final class UnsolicitedLines {

    /** Printed after every boot (spec at-commands.md §6). */
    public static final String RDY = "RDY";
    /** Printed when host data wakes the module from deep sleep (spec at-commands.md §6). */
    public static final String WAKEUP = "+QATWAKEUP";

    /**
     * {@code +CEREG: <stat>}, with location fields for {@code <n>} 2 and up: the stat is followed
     * by a quoted TAC, or by an empty one off a cell ({@code +CEREG: 0,,,}; spec at-commands.md
     * §7.9). The answer to {@code AT+CEREG?} is {@code +CEREG: <n>,<stat>...}, whose second field
     * is a number, so the two never look alike.
     */
    private static final Pattern CEREG = Pattern.compile("\\+CEREG: ?\\d+(,[\",].*)?");

    private UnsolicitedLines() {
    }

    /** Whether {@code line} is one of the module's known unsolicited result codes. */
    public static boolean isKnown(String line) {
        return line.equals(RDY) || line.equals(WAKEUP) || CEREG.matcher(line).matches();
    }
}
