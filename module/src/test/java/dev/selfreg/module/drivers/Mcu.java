package dev.selfreg.module.drivers;

import dev.selfreg.module.Power;
import dev.selfreg.module.TestBench;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The MCU side of a driver test: a microcontroller's UART wired to the emulated module, the way
 * the drivers of docs/spec/host-drivers.md use theirs. It sends a command line, collects the
 * lines that come back until the final result code or the driver's timeout, and waits for lines
 * the module sends by itself.
 *
 * <p>The MCU and the module share one time: while the MCU waits (a timeout, a delay between
 * tries), the module's virtual clock runs, in steps, so the module's timers (the attach, a
 * reboot) happen while the driver waits for them, as on a bench. The module answers a command
 * as soon as the line has arrived, so a timeout runs to its end only when nothing answers (the
 * module off or still booting), as on a real UART.
 */
final class Mcu {

    /** How finely the MCU's waiting lets module time pass. */
    private static final Duration STEP = Duration.ofMillis(10);

    private final TestBench bench;
    private final StringBuilder received = new StringBuilder();
    private final Deque<String> lines = new ArrayDeque<>();
    private final List<String> sent = new ArrayList<>();
    private final List<String> log = new ArrayList<>();

    Mcu(TestBench bench) {
        this.bench = bench;
    }

    /**
     * Sends {@code command<CR><LF>} and waits up to {@code timeout} for a final result code
     * ({@code OK}, {@code ERROR}, {@code +CME ERROR: n}). Lines that arrived before it were
     * unsolicited and are not part of the reply.
     */
    Reply send(String command, Duration timeout) {
        drain();
        lines.clear();
        sent.add(command);
        received.append(bench.type(command + "\r\n"));
        List<String> reply = new ArrayList<>();
        Duration waited = Duration.ZERO;
        while (true) {
            drain();
            while (!lines.isEmpty()) {
                String line = lines.poll();
                reply.add(line);
                if (Reply.isFinal(line)) {
                    return new Reply(command, reply, true);
                }
            }
            if (waited.compareTo(timeout) >= 0) {
                return new Reply(command, reply, false);
            }
            waited = waited.plus(pass(timeout.minus(waited)));
        }
    }

    /** Waits up to {@code timeout} for a line the module sends by itself; the lines before it are consumed. */
    Optional<String> awaitLine(Predicate<String> wanted, Duration timeout) {
        Duration waited = Duration.ZERO;
        while (true) {
            drain();
            while (!lines.isEmpty()) {
                String line = lines.poll();
                if (wanted.test(line)) {
                    return Optional.of(line);
                }
            }
            if (waited.compareTo(timeout) >= 0) {
                return Optional.empty();
            }
            waited = waited.plus(pass(timeout.minus(waited)));
        }
    }

    /** The driver sleeps (a delay between tries): module time passes. */
    void delay(Duration duration) {
        bench.advance(duration);
    }

    /** The driver pulses the module's power key; a module that is off boots. */
    void powerKey() {
        if (bench.module.power() == Power.OFF) {
            bench.module.powerOn();
        }
    }

    /** What the driver writes to its console. */
    void log(String message) {
        log.add(message);
    }

    /** Every command line sent, in order. */
    List<String> sent() {
        return List.copyOf(sent);
    }

    /** How many times {@code command} was sent. */
    long count(String command) {
        return sent.stream().filter(command::equals).count();
    }

    List<String> console() {
        return List.copyOf(log);
    }

    private Duration pass(Duration left) {
        Duration step = left.compareTo(STEP) < 0 ? left : STEP;
        bench.advance(step);
        return step;
    }

    /**
     * Moves what the module sent into lines: a line ends at LF and holds no CR (so the echo's
     * {@code AT...<CR><CR><LF>} is one line); the empty lines of the framing are kept.
     */
    private void drain() {
        received.append(bench.takeOutput());
        int end;
        while ((end = received.indexOf("\n")) >= 0) {
            lines.add(received.substring(0, end).replace("\r", ""));
            received.delete(0, end + 1);
        }
    }
}
