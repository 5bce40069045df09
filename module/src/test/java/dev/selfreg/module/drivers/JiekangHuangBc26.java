package dev.selfreg.module.drivers;

import java.time.Duration;
import java.util.Optional;

/**
 * The init of JiekangHuang's BC26-MQTT-Library ({@code bc26.cpp}, HEAD {@code 62b088a}), written
 * from the facts in docs/spec/host-drivers.md §5 and docs/research/bc260y-cn-at-commands.md §6 (which
 * re-read it: the HEAD sends neither {@code AT+COPS=1,2,...} nor {@code AT+QCCLK?}; older
 * commits did). It looks for substrings in what came back. No code of the library is copied.
 */
final class JiekangHuangBc26 {

    static final Duration CPIN_WAIT = Duration.ofSeconds(5);
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);
    static final Duration IP_WAIT = Duration.ofSeconds(60);

    private final Mcu mcu;
    private final String apn;
    private final int band;

    JiekangHuangBc26(Mcu mcu, String apn, int band) {
        this.mcu = mcu;
        this.apn = apn;
        this.band = band;
    }

    Outcome init() {
        mcu.send("AT+QRST=1", COMMAND_TIMEOUT);
        if (mcu.awaitLine(line -> line.contains("+CPIN: READY"), CPIN_WAIT).isEmpty()) {
            return Outcome.failed("no +CPIN: READY after AT+QRST=1");
        }
        for (String command : new String[] {"ATE0", "AT+QCGDEFCONT=\"IP\",\"" + apn + "\"", "AT+QBAND=1," + band,
                "AT+CEDRXS=0", "AT+QSCLK=0"}) {
            if (!mcu.send(command, COMMAND_TIMEOUT).text().contains("OK")) {
                return Outcome.failed(command);
            }
        }
        if (!mcu.send("AT+CGATT?", COMMAND_TIMEOUT).text().contains("+CGATT: 1")) {
            mcu.send("AT", COMMAND_TIMEOUT);
            if (mcu.awaitLine(line -> line.contains("+IP:"), IP_WAIT).isEmpty()) {
                return Outcome.failed("not attached: no +IP: within 60 s");
            }
        }
        Optional<String> signal = mcu.send("AT+CSQ", COMMAND_TIMEOUT).lineWith("+CSQ: ")
                .map(line -> line.substring(line.indexOf("+CSQ: ") + "+CSQ: ".length()));
        return signal.map(csq -> Outcome.completed("CSQ " + csq)).orElse(Outcome.failed("AT+CSQ"));
    }
}
