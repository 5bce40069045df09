package dev.selfreg.module.network;

import dev.selfreg.time.ModuleClock;
import java.time.Duration;
import java.util.function.Consumer;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Token;

/**
 * One confirmable CoAP request and its retransmissions, timed on the module's clock (RFC 7252
 * §4.2): resent after each timeout of its {@link RetransmissionSchedule} until an ACK, a Reset
 * or a response arrives; after an empty ACK it stops resending and waits for the separate
 * response until the moment its retransmissions would have run out (Interpretation: RFC 7252
 * leaves that wait to the application). Exactly one {@link CoapOutcome} is reported, unless
 * the exchange is cancelled. State changes happen under the {@link ExchangeMatcher}'s lock.
 */
public final class ConfirmableExchange {

    private final ExchangeMatcher matcher;
    private final Destination destination;
    private final Request request;
    private final byte[] datagram;
    private final RetransmissionSchedule schedule;
    private final Duration initialTimeout;
    private final PortUnreachable portUnreachable;
    private final Consumer<CoapOutcome> onOutcome;
    private int transmissions;
    private long firstSentNanos;
    private boolean acknowledged;
    private boolean ended;
    private ModuleClock.Timer timer;

    ConfirmableExchange(ExchangeMatcher matcher, Destination destination, Request request, byte[] datagram,
                        RetransmissionSchedule schedule, Duration initialTimeout, PortUnreachable portUnreachable,
                        Consumer<CoapOutcome> onOutcome) {
        this.matcher = matcher;
        this.destination = destination;
        this.request = request;
        this.datagram = datagram;
        this.schedule = schedule;
        this.initialTimeout = initialTimeout;
        this.portUnreachable = portUnreachable;
        this.onOutcome = onOutcome;
    }

    public Destination destination() {
        return destination;
    }

    public int mid() {
        return request.getMID();
    }

    public Token token() {
        return request.getToken();
    }

    /** The first timeout drawn for this exchange; the others follow from it by the schedule. */
    public Duration initialTimeout() {
        return initialTimeout;
    }

    /** What an ICMP port unreachable does to this exchange. */
    PortUnreachable portUnreachable() {
        return portUnreachable;
    }

    /** Stops the exchange without reporting an outcome. */
    public void cancel() {
        matcher.cancel(this);
    }

    Request request() {
        return request;
    }

    byte[] datagram() {
        return datagram;
    }

    boolean acknowledged() {
        return acknowledged;
    }

    boolean ended() {
        return ended;
    }

    /** Sends the first transmission and arms the first timeout. */
    void start(ModuleClock clock) {
        firstSentNanos = clock.nanoTime();
        transmitAndArm(clock);
    }

    /** A timeout expired: resend, or give up and return the outcome to report. */
    CoapOutcome timeoutExpired(ModuleClock clock) {
        timer = null;
        if (!acknowledged && transmissions <= schedule.maxRetransmits()) {
            transmitAndArm(clock);
            return null;
        }
        return new CoapOutcome.TimedOut(transmissions);
    }

    /** An empty ACK: no more resends; the separate response may come until the window ends. */
    void acknowledge(ModuleClock clock) {
        acknowledged = true;
        cancelTimer();
        long windowEnd = firstSentNanos + schedule.giveUpAfter(initialTimeout).toNanos();
        timer = clock.schedule(Duration.ofNanos(Math.max(0, windowEnd - clock.nanoTime())), () -> matcher.timeoutExpired(this));
    }

    /** Ends the exchange; returns the report to make once the matcher's lock is released. */
    Runnable end(CoapOutcome outcome) {
        stop();
        return () -> onOutcome.accept(outcome);
    }

    /** Ends the exchange without an outcome. */
    void stop() {
        ended = true;
        cancelTimer();
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    private void transmitAndArm(ModuleClock clock) {
        int number = transmissions++;
        matcher.transmit(this, number);
        timer = clock.schedule(schedule.timeout(initialTimeout, number), () -> matcher.timeoutExpired(this));
    }

    @Override
    public String toString() {
        return "CON " + request.getCode() + " MID " + mid() + " to " + destination.host();
    }
}
