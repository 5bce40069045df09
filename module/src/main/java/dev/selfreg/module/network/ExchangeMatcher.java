package dev.selfreg.module.network;

import dev.selfreg.time.ModuleClock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.EmptyMessage;
import org.eclipse.californium.core.coap.Message;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.coap.Token;
import org.eclipse.californium.core.network.serialization.UdpDataSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The module's confirmable exchanges and the matching of what the lab sends back to them
 * (Californium's {@code Matcher}; RFC 7252 §4.2, §4.3, §5.2): each request gets the next MID
 * and a fresh random token; an ACK ends or acknowledges the exchange of its MID (and, when it
 * carries a response, of its token), a Reset ends it, a separate response is matched by token
 * and acknowledged, even again after its exchange ended; a confirmable message that matches
 * nothing, a CoAP ping among them, is answered with a Reset. Every exchange state change happens
 * under this matcher's lock; outcomes are reported after it is released, in the clock task that
 * decided them.
 */
final class ExchangeMatcher {

    /** The layers below: what becomes of one transmission of a request. */
    @FunctionalInterface
    interface Transmitter {
        /** Transmission number {@code number} (0 for the first) of {@code exchange}. */
        void transmit(ConfirmableExchange exchange, int number);
    }

    private static final Logger log = LoggerFactory.getLogger(ExchangeMatcher.class);
    /** Token length: short, as on constrained firmware; RFC 7252 allows 0 to 8 bytes. */
    private static final int TOKEN_BYTES = 4;
    /** Tokens of ended exchanges remembered to acknowledge a duplicated separate response again. */
    private static final int ENDED_TOKENS_KEPT = 32;

    private final ModuleClock clock;
    private final Random random;
    private final Transmitter transmitter;
    private final Replies replies;
    private final String name;
    private final UdpDataSerializer serializer = new UdpDataSerializer();
    private final Map<Integer, ConfirmableExchange> byMid = new HashMap<>();
    private final Map<Token, ConfirmableExchange> byToken = new HashMap<>();
    private final Set<Token> endedTokens = new LinkedHashSet<>();
    private int nextMid;

    /**
     * @param clock       times the retransmissions
     * @param random      draws the first MID now, then each token and first timeout
     * @param transmitter sends each transmission through the layers below
     * @param replies     sends the module's ACKs and Resets
     * @param name        names the module in log lines
     */
    ExchangeMatcher(ModuleClock clock, Random random, Transmitter transmitter, Replies replies, String name) {
        this.clock = clock;
        this.random = random;
        this.transmitter = transmitter;
        this.replies = replies;
        this.name = name;
        this.nextMid = random.nextInt(1 << 16);
    }

    /**
     * Starts a confirmable exchange of {@code request} to {@code to}: the next MID, a fresh
     * token, the first transmission now and the next ones on {@code schedule}.
     */
    synchronized ConfirmableExchange send(Destination to, Request request, RetransmissionSchedule schedule,
                                          PortUnreachable portUnreachable, Consumer<CoapOutcome> onOutcome) {
        request.setType(Type.CON);
        request.setMID(nextMid);
        nextMid = (nextMid + 1) & 0xFFFF;
        byte[] token = new byte[TOKEN_BYTES];
        random.nextBytes(token);
        request.setToken(Token.fromProvider(token));
        ConfirmableExchange exchange = new ConfirmableExchange(this, to, request, serializer.getByteArray(request),
                schedule, schedule.initialTimeout(random), portUnreachable, onOutcome);
        byMid.put(exchange.mid(), exchange);
        byToken.put(exchange.token(), exchange);
        exchange.start(clock);
        return exchange;
    }

    /** Called by an exchange, under this lock, for each of its transmissions. */
    void transmit(ConfirmableExchange exchange, int number) {
        transmitter.transmit(exchange, number);
    }

    /** Handles a response or an empty message from {@code service}, in a task on the clock. */
    void receive(LabService service, Message message) {
        Runnable report;
        synchronized (this) {
            report = match(service, message);
        }
        report.run();
    }

    private Runnable match(LabService service, Message message) {
        ConfirmableExchange byThisMid = byMid.get(message.getMID());
        boolean midMatches = byThisMid != null && byThisMid.destination().service().equals(Optional.of(service));
        if (message instanceof Response response) {
            ConfirmableExchange byThisToken = byToken.get(response.getToken());
            switch (response.getType()) {
                case ACK:
                    if (midMatches && !byThisMid.acknowledged() && byThisMid.token().equals(response.getToken())) {
                        return end(byThisMid, new CoapOutcome.Answered(response));
                    }
                    return () -> { }; // a duplicate or stray ACK
                case CON:
                    if (byThisToken != null || endedTokens.contains(response.getToken())) {
                        replies.sendEmpty(service, Type.ACK, response.getMID());
                        return byThisToken != null ? end(byThisToken, new CoapOutcome.Answered(response)) : () -> { };
                    }
                    replies.sendEmpty(service, Type.RST, response.getMID());
                    return () -> { };
                case NON:
                    return byThisToken != null ? end(byThisToken, new CoapOutcome.Answered(response)) : () -> { };
                default:
                    return () -> { };
            }
        }
        if (message instanceof EmptyMessage) {
            if (message.getType() == Type.ACK && midMatches && !byThisMid.acknowledged()) {
                byThisMid.acknowledge(clock);
            } else if (message.getType() == Type.RST && midMatches) {
                return end(byThisMid, new CoapOutcome.Reset());
            } else if (message.getType() == Type.CON) {
                replies.sendEmpty(service, Type.RST, message.getMID()); // a CoAP ping
            }
        }
        return () -> { };
    }

    /** A timeout of {@code exchange} expired (a task on the clock). */
    void timeoutExpired(ConfirmableExchange exchange) {
        Runnable report;
        synchronized (this) {
            if (exchange.ended()) {
                return;
            }
            CoapOutcome outcome = exchange.timeoutExpired(clock);
            report = outcome == null ? () -> { } : end(exchange, outcome);
        }
        report.run();
    }

    /** Ends {@code exchange} with {@code outcome}, unless it ended or was forgotten meanwhile (a task on the clock). */
    void endWith(ConfirmableExchange exchange, CoapOutcome outcome) {
        Runnable report;
        synchronized (this) {
            if (exchange.ended() || byMid.get(exchange.mid()) != exchange) {
                return;
            }
            report = end(exchange, outcome);
        }
        report.run();
    }

    /**
     * {@code service}'s endpoint is unreachable: ends, with {@code outcome}, every exchange to it
     * that an ICMP port unreachable ends (a task on the clock).
     */
    void endAllWith(LabService service, CoapOutcome outcome) {
        List<Runnable> reports = new ArrayList<>();
        synchronized (this) {
            for (ConfirmableExchange exchange : List.copyOf(byMid.values())) {
                if (exchange.destination().service().equals(Optional.of(service))
                        && exchange.portUnreachable() == PortUnreachable.ENDS_EXCHANGE) {
                    reports.add(end(exchange, outcome));
                }
            }
        }
        reports.forEach(Runnable::run);
    }

    private Runnable end(ConfirmableExchange exchange, CoapOutcome outcome) {
        forget(exchange);
        endedTokens.add(exchange.token());
        if (endedTokens.size() > ENDED_TOKENS_KEPT) {
            endedTokens.remove(endedTokens.iterator().next());
        }
        log.debug("{}: {} ended: {}", name, exchange, outcome);
        return exchange.end(outcome);
    }

    /** Stops {@code exchange} without reporting an outcome. */
    synchronized void cancel(ConfirmableExchange exchange) {
        forget(exchange);
        exchange.stop();
    }

    private void forget(ConfirmableExchange exchange) {
        byMid.remove(exchange.mid(), exchange);
        byToken.remove(exchange.token(), exchange);
    }

    /** Forgets every exchange without reporting it, as a power cut does. */
    synchronized void reset() {
        for (ConfirmableExchange exchange : List.copyOf(byMid.values())) {
            cancel(exchange);
        }
    }
}
