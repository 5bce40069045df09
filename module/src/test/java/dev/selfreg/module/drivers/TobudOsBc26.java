package dev.selfreg.module.drivers;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The init sequence of TobudOS's BC26 driver ({@code devices/bc26/bc26.c}), written from the
 * facts in docs/spec/host-drivers.md §3 and docs/research/bc260y-cn-at-commands.md §6: each
 * command with its timeout and number of tries, and what it parses. No code of the driver is
 * copied. Only the PSM-lock failure message is the driver's; the others name the command
 * (Interpretation: the research did not record them).
 */
final class TobudOsBc26 {

    static final Duration ONE_SECOND = Duration.ofSeconds(1);
    static final Duration TWO_SECONDS = Duration.ofSeconds(2);
    static final Duration THREE_SECONDS = Duration.ofSeconds(3);
    static final int TRIES = 10;

    /** {@code +QBAND:%d} ({@code %d} skips white space). */
    private static final Pattern QBAND = Pattern.compile("\\+QBAND:\\s*(\\d+)");
    /** {@code +CSQ:%d,%d}. */
    private static final Pattern CSQ = Pattern.compile("\\+CSQ:\\s*(\\d+),\\s*(\\d+)");

    private final Mcu mcu;

    TobudOsBc26(Mcu mcu) {
        this.mcu = mcu;
    }

    Outcome init() {
        mcu.send("AT+QRST=1", THREE_SECONDS);
        mcu.delay(THREE_SECONDS);
        if (!tries("AT+SM=LOCK", THREE_SECONDS)) {
            return Outcome.failed("bc26 psm lock FAILED");
        }
        if (!tries("AT+CFUN=1", THREE_SECONDS)) {
            return Outcome.failed("AT+CFUN=1 FAILED");
        }
        for (String command : new String[] {"ATE0", "AT+CMEE=1", "AT+CIMI"}) {
            if (!mcu.send(command, ONE_SECOND).ok()) {
                return Outcome.failed(command + " FAILED");
            }
        }
        if (!tries("AT+CGATT=1", TWO_SECONDS)) {
            return Outcome.failed("AT+CGATT=1 FAILED");
        }
        if (!tries("AT+QBAND=1,8", ONE_SECOND)) {
            return Outcome.failed("AT+QBAND=1,8 FAILED");
        }
        Reply band = mcu.send("AT+QBAND?", ONE_SECOND);
        if (!band.ok() || band.lineStartingWith("+QBAND:").map(QBAND::matcher).filter(Matcher::lookingAt)
                .map(m -> m.group(1)).filter("8"::equals).isEmpty()) {
            return Outcome.failed("AT+QBAND? is not 8");
        }
        Reply signal = mcu.send("AT+CSQ", ONE_SECOND);
        return signal.lineStartingWith("+CSQ:").map(CSQ::matcher).filter(Matcher::lookingAt)
                .map(m -> Integer.parseInt(m.group(1))).filter(rssi -> rssi != 99)
                .map(rssi -> Outcome.completed("rssi " + rssi))
                .orElse(Outcome.failed("AT+CSQ: no signal"));
    }

    /** Up to ten tries, one after the other, each waiting {@code timeout} for {@code OK}. */
    private boolean tries(String command, Duration timeout) {
        for (int i = 0; i < TRIES; i++) {
            if (mcu.send(command, timeout).ok()) {
                return true;
            }
        }
        return false;
    }
}
