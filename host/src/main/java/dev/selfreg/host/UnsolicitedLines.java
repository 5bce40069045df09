package dev.selfreg.host;

import java.util.List;
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
     * What a boot prints, in this order: {@code RDY}, then {@code +CFUN: 1} and, with a card,
     * {@code +CPIN: READY} (spec at-commands.md §6, research §4).
     */
    public static final List<String> BOOT = List.of(RDY, "+CFUN: 1", "+CPIN: READY");

    /**
     * {@code +CEREG: <stat>}, with location fields for {@code <n>} 2 and up: the stat is followed
     * by a quoted TAC, or by an empty one off a cell ({@code +CEREG: 0,,,}; spec at-commands.md
     * §7.9). The answer to {@code AT+CEREG?} is {@code +CEREG: <n>,<stat>...}, whose second field
     * is a number, so the two never look alike.
     */
    private static final Pattern CEREG = Pattern.compile("\\+CEREG: ?\\d+(,[\",].*)?");
    /**
     * {@code +QNBIOTEVENT: "ENTER DEEPSLEEP"} and the other events, always quoted; the answer to
     * the BC26's {@code AT+QNBIOTEVENT?} is a bare number.
     */
    private static final Pattern NBIOT_EVENT = Pattern.compile("\\+QNBIOTEVENT: \".*\"");
    /**
     * {@code +IP: <address>}, the default bearer's address after each attach, unquoted (spec
     * at-commands.md §7.1, research §4); no answer begins {@code +IP:} ({@code +IPR:} is another prefix).
     */
    private static final Pattern ADDRESS = Pattern.compile("\\+IP: [0-9A-Fa-f.:]+");

    private UnsolicitedLines() {
    }

    /**
     * Whether {@code line} is one of the module's known unsolicited result codes on its own. The
     * boot's {@code +CFUN: 1} and {@code +CPIN: READY} read like answers to {@code AT+CFUN?} and
     * {@code AT+CPIN?}: only a {@link Sequence} tells them by the {@code RDY} before them.
     */
    public static boolean isKnown(String line) {
        return line.equals(RDY) || line.equals(WAKEUP) || CEREG.matcher(line).matches()
                || NBIOT_EVENT.matcher(line).matches() || ADDRESS.matcher(line).matches();
    }

    /**
     * Tells the unsolicited lines of one port as they come, one after the other: the known ones,
     * and the boot's lines that follow its {@code RDY} in their order.
     */
    public static final class Sequence {

        /** The index in {@link #BOOT} of the line a boot prints next; past its end when no boot is printing. */
        private int nextBootLine = BOOT.size();

        /** Whether {@code line}, read after every line given before, is unsolicited. */
        public boolean isUnsolicited(String line) {
            if (line.equals(RDY)) {
                nextBootLine = 1;
                return true;
            }
            if (nextBootLine < BOOT.size() && line.equals(BOOT.get(nextBootLine))) {
                nextBootLine++;
                return true;
            }
            nextBootLine = BOOT.size();
            return isKnown(line);
        }
    }
}
