package dev.selfreg.module.drivers;

import java.time.Duration;

/**
 * sixfab's NB-IoT shield library ({@code nbiot/nbiot.py}, PyPI {@code sixfab-nbiot}, written for
 * the BC95), from the facts in docs/spec/host-drivers.md §6 and docs/research/bc260y-cn-at-commands.md
 * §6: each command is sent again every {@code timeout} (3 s; 8 s for the attach) until the text
 * it wants appears in what came back, and it never gives up. It sends {@code AT+CGSN=1}, as the
 * research found in its source. No code of the library is copied.
 */
final class SixfabNbiot {

    static final Duration TIMEOUT = Duration.ofSeconds(3);
    static final Duration ATTACH_TIMEOUT = Duration.ofSeconds(8);

    private final Mcu mcu;

    SixfabNbiot(Mcu mcu) {
        this.mcu = mcu;
    }

    /** The sequence; each never-ending resend loop is cut at {@code sends}. */
    Outcome run(int sends) {
        String[][] steps = {
            {"AT&W", "OK\r\n"},
            {"AT+CGSN=1", "OK\r\n"},
            {"AT+CGMR", "OK\r\n"},
            {"AT+CGMM", "OK\r\n"},
            {"AT+CGATT=1", "OK\r\n"},
            {"AT+CGATT?", "+CGATT:1\r\n"},
            {"AT+CSQ", "OK\r\n"},
        };
        for (String[] step : steps) {
            Duration timeout = step[0].equals("AT+CGATT=1") ? ATTACH_TIMEOUT : TIMEOUT;
            if (!sendUntil(step[0], step[1], timeout, sends)) {
                return Outcome.failed("still sending " + step[0]);
            }
        }
        return Outcome.completed("attached");
    }

    /** Sends {@code command} until {@code wanted} is in what came back within one timeout. */
    private boolean sendUntil(String command, String wanted, Duration timeout, int sends) {
        for (int i = 0; i < sends; i++) {
            Reply reply = mcu.send(command, timeout);
            if (reply.text().contains(wanted)) {
                return true;
            }
            // it reads on for the rest of the timeout before sending again (the answer took no time)
            if (reply.complete() && mcu.awaitLine(line -> (line + "\r\n").contains(wanted), timeout).isPresent()) {
                return true;
            }
        }
        return false;
    }
}
