package dev.selfreg.module.drivers;

import java.time.Duration;
import java.util.List;

/**
 * The two STM32 drivers for the BC260Y of docs/spec/host-drivers.md §2 (public code whose
 * repositories are not known, so only the facts recorded there): {@code AT}, {@code AT+CIMI}
 * (a line starting {@code 460}), {@code AT+CGATT=1}, then {@code AT+CGATT?} until
 * {@code +CGATT: 1}, forever; the second also sends {@code AT+QSCLK=0}, {@code ATE0},
 * {@code ATI}, {@code AT+CSQ}, {@code AT+CMEE=1} and {@code AT+CCLK?}. Interpretation, as the
 * facts do not say: each command waits 1 s, the poll repeats every 1 s, and the second driver's
 * extra commands come first (set-up, then identity), except the signal and the clock, which
 * come after the attach; each must answer {@code OK}. No code of the drivers is copied.
 */
final class Stm32Bc260y {

    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(1);
    static final Duration POLL_DELAY = Duration.ofSeconds(1);

    private final Mcu mcu;
    private final boolean extended;

    private Stm32Bc260y(Mcu mcu, boolean extended) {
        this.mcu = mcu;
        this.extended = extended;
    }

    /** The first driver: the shortest sequence. */
    static Stm32Bc260y minimal(Mcu mcu) {
        return new Stm32Bc260y(mcu, false);
    }

    /** The second driver, with set-up, identity, signal and clock. */
    static Stm32Bc260y extended(Mcu mcu) {
        return new Stm32Bc260y(mcu, true);
    }

    /** The init; the forever-loop on {@code AT+CGATT?} is cut at {@code polls}. */
    Outcome init(int polls) {
        if (!mcu.send("AT", COMMAND_TIMEOUT).ok()) {
            return Outcome.failed("AT");
        }
        if (extended) {
            for (String command : List.of("AT+QSCLK=0", "ATE0", "ATI", "AT+CMEE=1")) {
                if (!mcu.send(command, COMMAND_TIMEOUT).ok()) {
                    return Outcome.failed(command);
                }
            }
        }
        Reply imsi = mcu.send("AT+CIMI", COMMAND_TIMEOUT);
        if (imsi.lines().stream().noneMatch(line -> line.startsWith("460"))) {
            return Outcome.failed("AT+CIMI");
        }
        if (!mcu.send("AT+CGATT=1", COMMAND_TIMEOUT).ok()) {
            return Outcome.failed("AT+CGATT=1");
        }
        boolean attached = false;
        for (int poll = 0; poll < polls && !attached; poll++) {
            attached = mcu.send("AT+CGATT?", COMMAND_TIMEOUT).lineWith("+CGATT: 1").isPresent();
            if (!attached) {
                mcu.delay(POLL_DELAY);
            }
        }
        if (!attached) {
            return Outcome.failed("still polling AT+CGATT?");
        }
        if (extended) {
            for (String command : List.of("AT+CSQ", "AT+CCLK?")) {
                if (!mcu.send(command, COMMAND_TIMEOUT).ok()) {
                    return Outcome.failed(command);
                }
            }
        }
        return Outcome.completed("attached");
    }
}
