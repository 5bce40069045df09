package dev.selfreg.module.network;

import dev.selfreg.time.ModuleClock;
import dev.selfreg.time.Quiescence;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.EmptyMessage;
import org.eclipse.californium.core.coap.Message;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.coap.Token;
import org.eclipse.californium.core.network.serialization.UdpDataParser;
import org.eclipse.californium.core.network.serialization.UdpDataSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One emulated module's network layer: the simulated DNS and routing of a {@link LabNetwork},
 * the injected {@link NetworkFaults}, and confirmable CoAP exchanges carried by real UDP on
 * loopback to the lab endpoints.
 *
 * <p><b>Why not Californium's stack.</b> Californium keeps its timers in its own executors and
 * reads time from the JVM-global {@code ClockUtil}, which cannot give many modules in one JVM
 * each its own virtual clock. So this layer takes from Eclipse Californium only the message
 * model and the wire format ({@link Request}, {@link Response}, {@link EmptyMessage}, options,
 * MIDs and tokens, {@link UdpDataSerializer} and {@link UdpDataParser}) and does the
 * retransmission itself ({@link ConfirmableExchange}) with every timer on the module's
 * {@link ModuleClock}: on a virtual clock a 93 s retransmission window passes in microseconds.
 *
 * <p><b>Determinism with a virtual clock and a real peer.</b> A real peer answers in wall time,
 * a few milliseconds after the datagram left, while a test may advance the virtual clock by an
 * hour at once. This network is a {@link Quiescence}: a {@code VirtualClock} that it is
 * registered with waits, before each due timer and before moving time on, until every real
 * datagram sent so far has been answered, reported unreachable (ICMP), or lost after
 * {@link #ANSWER_BOUND} of wall time. The answer is put on the clock at the virtual instant of
 * the send (plus any injected delay), so a retransmission never fires just because wall time
 * is slower than virtual time. Faults decide a request's fate before the socket, so a dropped
 * request costs no wall time at all.
 *
 * <p>Received datagrams and answers are handled by tasks on the clock, never on the receiving
 * thread, so everything the module sees happens in module time and in order. The network's
 * own lock is never held while the clock is called from a receiving thread.
 *
 * <p><b>Requests from the lab.</b> A service the module {@link #serve serves} (the DM platform
 * reading the module's LwM2M objects) has its confirmable requests answered with a piggybacked
 * response, on the clock like everything else; a retransmitted request gets the same answer
 * again (RFC 7252 §4.5). Any other service's requests are answered with a Reset. Faults act on
 * the module's own requests only, never on its answers. When the lab says a service
 * {@link LabNetwork#followsUpAnswers follows up} its 2.01 and 2.04 answers with a request, the
 * quiescence waits for that request as for an answer, so it is handled at the virtual instant
 * of the answer, before the module can fall asleep.
 */
public final class ModuleNetwork implements Quiescence, AutoCloseable {

    /** The longest wall time virtual time waits for a real answer to one datagram. */
    public static final Duration ANSWER_BOUND = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(ModuleNetwork.class);
    /** Token length: short, as on constrained firmware; RFC 7252 allows 0 to 8 bytes. */
    private static final int TOKEN_BYTES = 4;
    /** Tokens of ended exchanges remembered to acknowledge a duplicated separate response again. */
    private static final int ENDED_TOKENS_KEPT = 32;
    /** Answers to served requests remembered to answer a retransmitted request again. */
    private static final int ANSWERS_KEPT = 32;
    /** What a {@code malformed} fault answers: neither JSON nor text. */
    private static final byte[] GARBAGE = "\u00ff\u0000garbage\u00fe".getBytes(StandardCharsets.ISO_8859_1);

    private final LabNetwork lab;
    private final ModuleClock clock;
    private final String name;
    private final NetworkFaults faults;
    private final Random random;
    private final InFlight inFlight = new InFlight(ANSWER_BOUND);
    private final UdpDataSerializer serializer = new UdpDataSerializer();
    private final UdpDataParser parser = new UdpDataParser();
    private final Map<LabService, String> configuredRoutes = new EnumMap<>(LabService.class);
    private final Map<LabService, UdpLink> links = new EnumMap<>(LabService.class);
    private final Map<Integer, ConfirmableExchange> byMid = new HashMap<>();
    private final Map<Token, ConfirmableExchange> byToken = new HashMap<>();
    private final Set<Token> endedTokens = new LinkedHashSet<>();
    private final Map<LabService, Function<Request, Response>> servers = new EnumMap<>(LabService.class);
    private final Map<Answered, byte[]> answers = new LinkedHashMap<>();
    private final Set<ModuleClock.Timer> lookups = new HashSet<>();
    private final List<Consumer<Transmission>> transmissionListeners = new CopyOnWriteArrayList<>();
    private int nextMid;
    private boolean closed;

    /**
     * @param lab   the map of names, services and endpoints
     * @param clock the module's clock: every timer and every handling of a received datagram
     *              runs as a task on it
     * @param seed  seeds MIDs, tokens, retransmission jitter and probabilistic drops, so a run
     *              is reproducible
     * @param name  names the receiving threads and log lines (e.g. the module's IMEI)
     */
    public ModuleNetwork(LabNetwork lab, ModuleClock clock, long seed, String name) {
        this.lab = lab;
        this.clock = clock;
        this.name = name;
        this.random = new Random(seed);
        this.faults = new NetworkFaults(random.nextLong());
        this.nextMid = random.nextInt(1 << 16);
    }

    /** The faults in force, to inject and clear. */
    public NetworkFaults faults() {
        return faults;
    }

    public LabNetwork lab() {
        return lab;
    }

    /** A request of a lab service the module answered, by the service and the request's MID. */
    private record Answered(LabService service, int mid) {
    }

    /** Calls {@code listener} with every transmission of a confirmable request, as it happens. */
    public void onTransmission(Consumer<Transmission> listener) {
        transmissionListeners.add(listener);
    }

    /**
     * Routes {@code host} to {@code service} besides the lab's own routes, replacing the host
     * configured before for that service: the server the running configuration names (for DM,
     * whatever {@code AT+QDMPCFG=1} set).
     */
    public synchronized void routeConfigured(LabService service, String host) {
        configuredRoutes.put(service, LabNetwork.normalize(host));
    }

    /** The service {@code host} leads to: a configured route first, then the lab's. */
    public synchronized Optional<LabService> route(String host) {
        String wanted = LabNetwork.normalize(host);
        for (Map.Entry<LabService, String> configured : configuredRoutes.entrySet()) {
            if (configured.getValue().equals(wanted)) {
                return Optional.of(configured.getKey());
            }
        }
        return lab.route(wanted);
    }

    // ---- DNS ---------------------------------------------------------------------------------

    /**
     * Resolves {@code host} on the simulated DNS and reports the answer on the clock. A name
     * takes the lab's DNS delay plus any {@code dns-delay} fault, and fails when it is not in
     * the map or a {@code dns-fail} fault is in force for its service. An IP literal needs no
     * DNS: it resolves at once, to an unreachable destination when it has no route.
     */
    public synchronized void resolve(String host, Consumer<Resolution> then) {
        String wanted = LabNetwork.normalize(host);
        if (Loopback.isIpLiteral(wanted)) {
            Destination destination = new Destination(wanted, route(wanted));
            lookup(Duration.ZERO, () -> then.accept(Resolution.resolved(destination)));
            return;
        }
        Duration delay = lab.dnsDelay().plus(route(wanted).map(faults::dnsDelay).orElse(Duration.ZERO));
        lookup(delay, () -> then.accept(answer(wanted)));
    }

    private void lookup(Duration delay, Runnable report) {
        ModuleClock.Timer[] timer = new ModuleClock.Timer[1];
        timer[0] = clock.schedule(delay, () -> {
            synchronized (this) {
                if (!lookups.remove(timer[0])) {
                    return; // reset meanwhile
                }
            }
            report.run();
        });
        lookups.add(timer[0]);
    }

    private synchronized Resolution answer(String host) {
        Optional<LabService> service = route(host);
        if (service.isEmpty()) {
            return Resolution.failed(host + ": no such name in the lab network");
        }
        if (faults.dnsFails(service.get())) {
            return Resolution.failed(host + ": DNS failure (injected fault)");
        }
        return Resolution.resolved(new Destination(host, service));
    }

    // ---- confirmable exchanges ---------------------------------------------------------------

    /**
     * Opens the module's UDP socket towards {@code to}'s lab service, as a module opens its socket
     * before the first send; a destination without a route needs none. Opening it again does
     * nothing.
     *
     * @throws IOException when the socket cannot be opened (or the network is closed)
     */
    public synchronized void open(Destination to) throws IOException {
        Optional<LabService> service = to.service();
        Optional<InetSocketAddress> endpoint = service.flatMap(lab::endpoint);
        if (endpoint.isPresent()) {
            link(service.get(), endpoint.get());
        }
    }

    /**
     * Sends {@code request} as a confirmable message to {@code to}, with a fresh MID and token,
     * resent on {@code schedule}; {@code onOutcome} is called once, from a task on the clock. An
     * ICMP port unreachable ends the exchange.
     */
    public ConfirmableExchange send(Destination to, Request request, RetransmissionSchedule schedule,
                                    Consumer<CoapOutcome> onOutcome) {
        return send(to, request, schedule, PortUnreachable.ENDS_EXCHANGE, onOutcome);
    }

    /**
     * Sends {@code request} like {@link #send(Destination, Request, RetransmissionSchedule, Consumer)},
     * with {@code portUnreachable} saying what an ICMP port unreachable does to the exchange.
     */
    public ConfirmableExchange send(Destination to, Request request, RetransmissionSchedule schedule,
                                    PortUnreachable portUnreachable, Consumer<CoapOutcome> onOutcome) {
        synchronized (this) {
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
    }

    /** One transmission of {@code exchange}: through the faults, then onto the real socket. */
    synchronized void transmit(ConfirmableExchange exchange, int number) {
        Optional<LabService> service = exchange.destination().service();
        Optional<InetSocketAddress> endpoint = service.flatMap(lab::endpoint);
        Transmission.Fate fate;
        if (endpoint.isEmpty()) {
            fate = Transmission.Fate.NO_ROUTE;
        } else {
            fate = switch (faults.onRequest(service.get())) {
                case DROP -> Transmission.Fate.DROPPED;
                case ERROR -> answerInsteadOfPlatform(service.get(), exchange, service.get().errorReply());
                case MALFORMED -> answerInsteadOfPlatform(service.get(), exchange, garbage());
                case SEND -> sendReal(service.get(), endpoint.get(), exchange);
            };
        }
        Transmission transmission = new Transmission(clock.elapsed(), exchange.destination().host(), service,
                exchange.mid(), number, fate);
        log.debug("{} {}", name, transmission);
        for (Consumer<Transmission> listener : transmissionListeners) {
            listener.accept(transmission);
        }
    }

    private Transmission.Fate sendReal(LabService service, InetSocketAddress endpoint, ConfirmableExchange exchange) {
        inFlight.sent(service, exchange.mid(), exchange.token());
        try {
            link(service, endpoint).send(exchange.datagram());
            return Transmission.Fate.SENT;
        } catch (IOException e) {
            inFlight.unreachable(service);
            if (e instanceof PortUnreachableException
                    && exchange.portUnreachable() == PortUnreachable.LOSES_TRANSMISSION) {
                return Transmission.Fate.SEND_FAILED; // lost; the schedule resends
            }
            String reason = "sending to " + endpoint + " failed: " + e;
            clock.schedule(Duration.ZERO, () -> endWith(exchange, new CoapOutcome.Unreachable(reason)));
            return Transmission.Fate.SEND_FAILED;
        }
    }

    private Transmission.Fate answerInsteadOfPlatform(LabService service, ConfirmableExchange exchange, Response answer) {
        answer.setType(Type.ACK);
        answer.setMID(exchange.mid());
        answer.setToken(exchange.token());
        clock.schedule(faults.answerDelay(service), () -> receive(service, answer));
        return Transmission.Fate.ANSWERED_BY_FAULT;
    }

    private static Response garbage() {
        Response answer = new Response(ResponseCode.CONTENT);
        answer.setPayload(GARBAGE);
        return answer;
    }

    private UdpLink link(LabService service, InetSocketAddress endpoint) throws IOException {
        if (closed) {
            throw new IOException("the module's network is closed");
        }
        UdpLink link = links.get(service);
        if (link == null) {
            link = new UdpLink(endpoint, "udp-" + name + "-" + service.label(), new UdpLink.Listener() {
                @Override
                public void datagram(byte[] bytes) {
                    arrived(service, bytes);
                }

                @Override
                public void unreachable() {
                    clock.schedule(Duration.ZERO, () -> endAllWith(service,
                            new CoapOutcome.Unreachable("ICMP port unreachable from " + endpoint + ": no lab service there")));
                    inFlight.unreachable(service);
                }
            });
            links.put(service, link);
        }
        return link;
    }

    /** On a receiving thread: parse, put the handling on the clock, then tell the quiescence. */
    private void arrived(LabService service, byte[] bytes) {
        Message message;
        try {
            message = parser.parseMessage(bytes);
        } catch (RuntimeException e) {
            log.debug("{}: {} sent a datagram that is not CoAP, ignored: {}", name, service.label(), e.getMessage());
            return;
        }
        if (message instanceof Response response && lab.followsUpAnswers(service)
                && (response.getCode() == ResponseCode.CREATED || response.getCode() == ResponseCode.CHANGED)) {
            inFlight.expectRequest(service); // before the answer ends its own wait: no gap
        }
        clock.schedule(faults.answerDelay(service), () -> receive(service, message));
        inFlight.answered(service, message);
    }

    /** Handles a message from {@code service} in module time (RFC 7252 §4.2, §4.3, §5.2). */
    void receive(LabService service, Message message) {
        Runnable report;
        synchronized (this) {
            report = handle(service, message);
        }
        report.run();
    }

    private Runnable handle(LabService service, Message message) {
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
                        reply(service, Type.ACK, response.getMID());
                        return byThisToken != null ? end(byThisToken, new CoapOutcome.Answered(response)) : () -> { };
                    }
                    reply(service, Type.RST, response.getMID());
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
                reply(service, Type.RST, message.getMID()); // a CoAP ping
            }
            return () -> { };
        }
        if (message instanceof Request request && message.getType() == Type.CON) {
            return serve(service, request);
        }
        return () -> { };
    }

    // ---- requests from the lab -------------------------------------------------------------------

    /**
     * Answers the confirmable requests {@code service} sends to the module with what
     * {@code server} returns (code, options and payload; type, MID and token are set here). The
     * server is called from a task on the clock, without the network's lock.
     */
    public synchronized void serve(LabService service, Function<Request, Response> server) {
        servers.put(service, server);
    }

    private Runnable serve(LabService service, Request request) {
        Function<Request, Response> server = servers.get(service);
        if (server == null) {
            reply(service, Type.RST, request.getMID()); // the module serves no requests there
            return () -> { };
        }
        byte[] earlier = answers.get(new Answered(service, request.getMID()));
        if (earlier != null) {
            transmitAnswer(service, earlier, "the answer to retransmitted MID " + request.getMID());
            return () -> { };
        }
        return () -> answer(service, request, server.apply(request));
    }

    /** Sends {@code response} to {@code request} piggybacked on the ACK, and remembers it for a retransmission. */
    private synchronized void answer(LabService service, Request request, Response response) {
        response.setType(Type.ACK);
        response.setMID(request.getMID());
        response.setToken(request.getToken());
        byte[] bytes = serializer.getByteArray(response);
        answers.put(new Answered(service, request.getMID()), bytes);
        if (answers.size() > ANSWERS_KEPT) {
            answers.remove(answers.keySet().iterator().next());
        }
        transmitAnswer(service, bytes, response.getCode() + " to " + request.getCode() + " MID " + request.getMID());
    }

    /** An ACK or RST: not a request, so faults do not apply and nothing waits for an answer. */
    private void reply(LabService service, Type type, int mid) {
        EmptyMessage empty = new EmptyMessage(type);
        empty.setMID(mid);
        empty.setToken(Token.EMPTY);
        transmitAnswer(service, serializer.getByteArray(empty), type + " " + mid);
    }

    /** Sends an answer of the module's to {@code service}: no fault applies, nothing waits for it. */
    private void transmitAnswer(LabService service, byte[] datagram, String what) {
        Optional<InetSocketAddress> endpoint = lab.endpoint(service);
        try {
            if (endpoint.isPresent()) {
                link(service, endpoint.get()).send(datagram);
            }
        } catch (IOException e) {
            log.debug("{}: {} to {} not sent: {}", name, what, service.label(), e.toString());
        }
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

    private void endWith(ConfirmableExchange exchange, CoapOutcome outcome) {
        Runnable report;
        synchronized (this) {
            if (exchange.ended() || byMid.get(exchange.mid()) != exchange) {
                return;
            }
            report = end(exchange, outcome);
        }
        report.run();
    }

    private void endAllWith(LabService service, CoapOutcome outcome) {
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

    synchronized void cancel(ConfirmableExchange exchange) {
        forget(exchange);
        exchange.stop();
    }

    private void forget(ConfirmableExchange exchange) {
        byMid.remove(exchange.mid(), exchange);
        byToken.remove(exchange.token(), exchange);
    }

    // ---- life cycle --------------------------------------------------------------------------

    /**
     * Forgets every exchange and lookup without reporting them, as a power cut does; answers
     * still on their way are no longer waited for and find nobody when they arrive.
     */
    public synchronized void reset() {
        for (ConfirmableExchange exchange : List.copyOf(byMid.values())) {
            cancel(exchange);
        }
        lookups.forEach(ModuleClock.Timer::cancel);
        lookups.clear();
        answers.clear();
        inFlight.clear();
    }

    /** Waits (bounded, in wall time) until every real datagram sent has been answered or lost. */
    @Override
    public void awaitQuiet() {
        inFlight.awaitQuiet();
    }

    /** Resets and closes the sockets; nothing is sent afterwards. */
    @Override
    public synchronized void close() {
        reset();
        closed = true;
        links.values().forEach(UdpLink::close);
        links.clear();
    }
}
