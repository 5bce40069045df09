package dev.selfreg.module.drivers;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The init sequence of RT-Thread's {@code at_device} BC26 driver ({@code class/bc26/at_device_bc26.c}),
 * written from the facts in docs/spec/host-drivers.md §1 and docs/research/bc260y-cn-at-commands.md §6:
 * its commands, its timeouts, its tries and delays, and what it parses (its {@code sscanf} formats
 * as regular expressions). No code of the driver is copied.
 */
final class RtThreadBc26 {

    /** Each command waits this long for its answer. */
    static final Duration COMMAND_TIMEOUT = Duration.ofMillis(300);
    /** The connect wait: {@code AT} every 500 ms until {@code OK}, for 5 s. */
    static final Duration CONNECT_POLL = Duration.ofMillis(500);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** The delay before each try of the polled commands, and after a failed round. */
    static final Duration RETRY_DELAY = Duration.ofSeconds(1);
    static final int ROUNDS = 5;
    static final int CPIN_TRIES = 5;
    static final int CSQ_TRIES = 20;
    static final int CGREG_TRIES = 50;
    static final int CGPADDR_TRIES = 10;

    // sscanf's space matches any white space, none included
    /** {@code +CSQ: %d,%d}. */
    private static final Pattern CSQ = Pattern.compile("\\+CSQ: *(\\d+),(\\d+)");
    /** {@code +CGREG: %*d,%d}. */
    private static final Pattern CGREG = Pattern.compile("\\+CGREG: *\\d+,(\\d+)");
    /** {@code +CGPADDR: %*d,%s}: {@code %s} takes everything up to white space, quotes included. */
    private static final Pattern CGPADDR = Pattern.compile("\\+CGPADDR: *\\d+,(\\S+)");
    /** {@code +IPR: %d}. */
    private static final Pattern IPR = Pattern.compile("\\+IPR: *(\\d+)");
    /** {@code +QIDNSCFG: *1,"%[^"]","%[^"]"}. */
    private static final Pattern QIDNSCFG = Pattern.compile("\\+QIDNSCFG: *1,\"([^\"]+)\",\"([^\"]+)\"");

    private final Mcu mcu;

    RtThreadBc26(Mcu mcu) {
        this.mcu = mcu;
    }

    /** The network init: up to five rounds, each ended on failure by {@code AT+QPOWD=0}; then the device's information. */
    Outcome init() {
        for (int round = 1; round <= ROUNDS; round++) {
            mcu.powerKey();
            Optional<String> failure = round();
            if (failure.isEmpty()) {
                return information();
            }
            mcu.log("round " + round + ": " + failure.get());
            mcu.send("AT+QPOWD=0", COMMAND_TIMEOUT);
            mcu.delay(RETRY_DELAY);
        }
        return Outcome.failed("network initialize failed");
    }

    /** One round of the init; empty when it got through, else what failed. */
    private Optional<String> round() {
        if (!connect()) {
            return Optional.of("wait AT client connect timeout");
        }
        for (String command : new String[] {"ATE0", "AT+QSCLK=0", "AT+CEDRXS=0", "AT+CPSMS=0"}) {
            if (!mcu.send(command, COMMAND_TIMEOUT).ok()) {
                return Optional.of(command + " failed");
            }
        }
        // the baud rate is only logged
        mcu.send("AT+IPR?", COMMAND_TIMEOUT).lineWith("+IPR:").map(IPR::matcher).filter(Matcher::find)
                .ifPresent(m -> mcu.log("baud " + m.group(1)));
        Reply ati = mcu.send("ATI", COMMAND_TIMEOUT);
        if (!ati.ok()) {
            return Optional.of("ATI failed");
        }
        if (!poll(CPIN_TRIES, "AT+CPIN?", reply -> reply.lineWith("READY").isPresent())) {
            return Optional.of("SIM card detection failed");
        }
        if (!poll(CSQ_TRIES, "AT+CSQ", reply -> matching(reply, "+CSQ:", CSQ)
                .map(m -> Integer.parseInt(m.group(1))).filter(rssi -> rssi != 99 && rssi != 0).isPresent())) {
            return Optional.of("signal strength check failed");
        }
        if (!poll(CGREG_TRIES, "AT+CGREG?", reply -> matching(reply, "+CGREG:", CGREG)
                .map(m -> Integer.parseInt(m.group(1))).filter(stat -> stat == 1 || stat == 5).isPresent())) {
            return Optional.of("network registration failed");
        }
        if (!poll(CGPADDR_TRIES, "AT+CGPADDR=1", reply -> matching(reply, "+CGPADDR:", CGPADDR).isPresent())) {
            return Optional.of("get IP address failed");
        }
        return Optional.empty();
    }

    private boolean connect() {
        for (Duration waited = Duration.ZERO; waited.compareTo(CONNECT_TIMEOUT) < 0; waited = waited.plus(CONNECT_POLL)) {
            if (mcu.send("AT", COMMAND_TIMEOUT).ok()) {
                return true;
            }
            mcu.delay(CONNECT_POLL);
        }
        return false;
    }

    /** A command tried up to {@code tries} times, each after the retry delay, until {@code done}. */
    private boolean poll(int tries, String command, Predicate<Reply> done) {
        for (int i = 0; i < tries; i++) {
            mcu.delay(RETRY_DELAY);
            Reply reply = mcu.send(command, COMMAND_TIMEOUT);
            if (reply.ok() && done.test(reply)) {
                return true;
            }
        }
        return false;
    }

    /** After the init: the IMEI from line 2 of {@code AT+GSN}, the address, the DNS servers. */
    private Outcome information() {
        String imei = mcu.send("AT+GSN", COMMAND_TIMEOUT).line(2).orElse("?");
        String address = matching(mcu.send("AT+CGPADDR=1", COMMAND_TIMEOUT), "+CGPADDR:", CGPADDR)
                .map(m -> m.group(1)).orElse("?");
        String dns = matching(mcu.send("AT+QIDNSCFG=1", COMMAND_TIMEOUT), "+QIDNSCFG:", QIDNSCFG)
                .map(m -> m.group(1) + " " + m.group(2)).orElse("?");
        return Outcome.completed("IMEI " + imei + ", IP " + address + ", DNS " + dns);
    }

    private static Optional<Matcher> matching(Reply reply, String keyword, Pattern format) {
        return reply.lineWith(keyword).map(format::matcher).filter(Matcher::lookingAt);
    }
}
