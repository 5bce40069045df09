package dev.selfreg.module.network;

import dev.selfreg.time.ModuleClock;
import dev.selfreg.time.Quiescence;
import dev.selfreg.time.VirtualClock;
import java.io.IOException;
import java.net.PortUnreachableException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.EmptyMessage;
import org.eclipse.californium.core.coap.Message;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.serialization.UdpDataParser;
import org.eclipse.californium.core.network.serialization.UdpDataSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One emulated module's network: the simulated DNS and routing of a {@link LabNetwork}, the
 * injected {@link NetworkFaults}, and confirmable CoAP exchanges carried by real UDP on loopback
 * to the lab endpoints. A thin facade over one layer per concern, stacked as in Californium's
 * {@code CoapEndpoint}:
 * <ul>
 *   <li>{@link LabDns}: names and routes, answered in module time;</li>
 *   <li>{@link ExchangeMatcher}: the module's confirmable exchanges, their MIDs, tokens and
 *       retransmissions, and the matching of what comes back;</li>
 *   <li>{@link RequestDeduplicator}: the requests lab services send to the module;</li>
 *   <li>{@link FaultInjection}: the faults, between those layers and the sockets;</li>
 *   <li>{@link Connector} ({@link UdpConnector}): the datagrams themselves, on channels the
 *       process's modules share ({@link UdpChannels}).</li>
 * </ul>
 * This class only wires them: parsing what arrives and handing it to the right layer, and
 * keeping the {@link Quiescence} account of the datagrams in flight.
 *
 * <p><b>Why not Californium's stack.</b> Californium keeps its timers in its own executors and
 * reads time from the JVM-global {@code ClockUtil}, which cannot give many modules in one JVM
 * each its own virtual clock. So this network takes from Eclipse Californium only the message
 * model and the wire format ({@link Request}, {@link Response}, {@link EmptyMessage}, options,
 * MIDs and tokens, {@link UdpDataSerializer} and {@link UdpDataParser}) and its organisation in
 * layers, and does the retransmission itself ({@link ConfirmableExchange}) with every timer on
 * the module's {@link ModuleClock}: on a virtual clock a 93 s retransmission window passes in
 * microseconds.
 *
 * <p><b>Determinism with a virtual clock and a real peer.</b> A real peer answers in wall time,
 * a few milliseconds after the datagram left, while a test may advance the virtual clock by an
 * hour at once. This network is a {@link Quiescence}: a {@code VirtualClock} that it is
 * {@linkplain #awaitedBy told of} waits, before each due timer and before moving time on, until every real
 * datagram sent so far has been answered, reported unreachable (ICMP), or lost after
 * {@link #ANSWER_BOUND} of wall time. The answer is put on the clock at the virtual instant of
 * the send (plus any injected delay), so a retransmission never fires just because wall time
 * is slower than virtual time. Faults decide a request's fate before the socket, so a dropped
 * request costs no wall time at all.
 *
 * <p>Received datagrams and answers are handled by tasks on the clock, never on the receiving
 * thread, so everything the module sees happens in module time and in order. No layer's lock
 * is held while the clock is called from a receiving thread.
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

    /** The longest wall time virtual time waits for a real answer to one datagram, unless the lab network says otherwise. */
    public static final Duration ANSWER_BOUND = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(ModuleNetwork.class);

    private final LabNetwork lab;
    private final ModuleClock clock;
    private final String name;
    private final NetworkFaults faults;
    private final InFlight inFlight;
    private final UdpDataParser parser = new UdpDataParser();
    private final LabDns dns;
    private final FaultInjection injection;
    private final ExchangeMatcher matcher;
    private final RequestDeduplicator served;
    private final Connector connector;
    private final List<Consumer<Transmission>> transmissionListeners = new CopyOnWriteArrayList<>();
    /** Whether the module is registered on the radio network; written serialised, read by the receivers too. */
    private volatile boolean registered = true;
    /** The clock to tell of each real datagram under way, so it waits for the answer; none until {@link #awaitedBy}. */
    private volatile VirtualClock awaiting;

    /**
     * @param lab   the map of names, services and endpoints
     * @param clock the module's clock: every timer and every handling of a received datagram
     *              runs as a task on it
     * @param seed  seeds MIDs, tokens, retransmission jitter and probabilistic drops, so a run
     *              is reproducible
     * @param name  names the module in log lines and in the wire tap's view (e.g. its IMEI)
     */
    public ModuleNetwork(LabNetwork lab, ModuleClock clock, long seed, String name) {
        this.lab = lab;
        this.clock = clock;
        this.name = name;
        this.inFlight = new InFlight(lab.answerBound());
        Random random = new Random(seed);
        this.faults = new NetworkFaults(random.nextLong());
        this.dns = new LabDns(lab, clock, faults);
        this.injection = new FaultInjection(faults, clock, this::receive);
        this.matcher = new ExchangeMatcher(clock, random, this::transmit, this::reply, name);
        this.served = new RequestDeduplicator(this::reply);
        this.connector = new UdpConnector(lab, name, new Connector.Receiver() {
            @Override
            public void datagram(LabService service, byte[] bytes) {
                arrived(service, bytes);
            }

            @Override
            public void unreachable(LabService service) {
                portUnreachable(service);
            }
        });
    }

    /**
     * Makes {@code clock} wait for this network's real datagrams in flight: told of each as it is sent, the clock
     * awaits this quiescence before its next timer (an idle module costs the clock nothing).
     */
    public void awaitedBy(VirtualClock clock) {
        awaiting = clock;
    }

    private void underWay() {
        VirtualClock clock = awaiting;
        if (clock != null) {
            clock.awaitActivity(this);
        }
    }

    /** The faults in force, to inject and clear. */
    public NetworkFaults faults() {
        return faults;
    }

    public LabNetwork lab() {
        return lab;
    }

    /** Calls {@code listener} with every transmission of a confirmable request, as it happens. */
    public void onTransmission(Consumer<Transmission> listener) {
        transmissionListeners.add(listener);
    }

    /**
     * Whether the module is registered on the radio network, so that its datagrams go anywhere
     * (true until told otherwise, for a network used without a module). Unregistered, what it
     * sends is lost at once ({@link Transmission.Fate#NO_SERVICE}) while the retransmission
     * schedule goes on, a name does not resolve, and what arrives for it is lost: a network that
     * comes back within the schedule lets a later retransmission through.
     */
    public void setRegistered(boolean value) {
        registered = value;
    }

    // ---- DNS ---------------------------------------------------------------------------------

    /**
     * Routes {@code host} to {@code service} besides the lab's own routes, replacing the host
     * configured before for that service: the server the running configuration names (for DM,
     * whatever {@code AT+QDMPCFG=1} set).
     */
    public void routeConfigured(LabService service, String host) {
        dns.routeConfigured(service, host);
    }

    /** The service {@code host} leads to: a configured route first, then the lab's. */
    public Optional<LabService> route(String host) {
        return dns.route(host);
    }

    /**
     * Resolves {@code host} on the simulated DNS and reports the answer on the clock. A name
     * takes the lab's DNS delay plus any {@code dns-delay} fault, and fails when it is not in
     * the map or a {@code dns-fail} fault is in force for its service, and at once while the
     * module is not registered. An IP literal needs no DNS: it resolves at once, to an
     * unreachable destination when it has no route.
     */
    public void resolve(String host, Consumer<Resolution> then) {
        if (registered || Loopback.isIpLiteral(LabNetwork.normalize(host))) {
            dns.resolve(host, then);
        } else {
            dns.fail(host + ": no network (not registered)", then);
        }
    }

    // ---- confirmable exchanges ---------------------------------------------------------------

    /**
     * Opens the module's UDP socket towards {@code to}'s lab service, as a module opens its socket
     * before the first send; a destination without a route needs none. Opening it again does
     * nothing.
     *
     * @throws IOException when the socket cannot be opened (or the network is closed)
     */
    public void open(Destination to) throws IOException {
        if (to.service().isPresent()) {
            connector.open(to.service().get());
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
        return matcher.send(to, request, schedule, portUnreachable, onOutcome);
    }

    /**
     * Answers the confirmable requests {@code service} sends to the module with what
     * {@code server} returns (code, options and payload; type, MID and token are set here). The
     * server is called from a task on the clock, without any lock of the network's.
     */
    public void serve(LabService service, Function<Request, Response> server) {
        served.serve(service, server);
    }

    /**
     * Answers the module's requests that an {@code error} fault of {@code service} catches with
     * what {@code reply} returns, in the platform's place (code, options and payload; type, MID
     * and token are set here): the agent speaking to that service says what its platform's
     * error looks like. Without one, an error fault answers 5.00 Internal Server Error.
     */
    public void answerErrorFaultsWith(LabService service, Supplier<Response> reply) {
        injection.answerErrorsWith(service, reply);
    }

    // ---- on the way out ----------------------------------------------------------------------

    /** One transmission of {@code exchange} (under the matcher's lock): routed, through the faults, onto the socket. */
    private void transmit(ConfirmableExchange exchange, int number) {
        Optional<LabService> service = exchange.destination().service().filter(s -> lab.endpoint(s).isPresent());
        Transmission.Fate fate = !registered ? Transmission.Fate.NO_SERVICE
                : service.isEmpty() ? Transmission.Fate.NO_ROUTE
                : injection.transmit(service.get(), exchange.request(), () -> sendReal(service.get(), exchange));
        Transmission transmission = new Transmission(clock.elapsed(), exchange.destination().host(),
                exchange.destination().service(), exchange.mid(), number, fate);
        log.debug("{} {}", name, transmission);
        for (Consumer<Transmission> listener : transmissionListeners) {
            listener.accept(transmission);
        }
    }

    private Transmission.Fate sendReal(LabService service, ConfirmableExchange exchange) {
        inFlight.sent(service, exchange.mid(), exchange.token());
        underWay();
        try {
            connector.send(service, exchange.datagram());
            return Transmission.Fate.SENT;
        } catch (IOException e) {
            inFlight.unreachable(service);
            if (e instanceof PortUnreachableException
                    && exchange.portUnreachable() == PortUnreachable.LOSES_TRANSMISSION) {
                return Transmission.Fate.SEND_FAILED; // lost; the schedule resends
            }
            String reason = "sending to " + lab.endpoint(service).orElseThrow() + " failed: " + e;
            clock.schedule(Duration.ZERO, () -> matcher.endWith(exchange, new CoapOutcome.Unreachable(reason)));
            return Transmission.Fate.SEND_FAILED;
        }
    }

    /** Sends an answer of the module's to {@code service}: no fault applies, nothing waits for it. */
    private void reply(LabService service, byte[] datagram, String what) {
        try {
            connector.send(service, datagram);
        } catch (IOException e) {
            log.debug("{}: {} to {} not sent: {}", name, what, service.label(), e.toString());
        }
    }

    // ---- on the way in -----------------------------------------------------------------------

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
            underWay();
        }
        injection.deliver(service, message);
        inFlight.answered(service, message);
    }

    /** On a receiving thread: an ICMP port unreachable from {@code service}'s endpoint. */
    private void portUnreachable(LabService service) {
        String reason = "ICMP port unreachable from " + lab.endpoint(service).orElseThrow() + ": no lab service there";
        clock.schedule(Duration.ZERO, () -> matcher.endAllWith(service, new CoapOutcome.Unreachable(reason)));
        inFlight.unreachable(service);
    }

    /** Hands a message from {@code service} to its layer, in module time. */
    private void receive(LabService service, Message message) {
        if (!registered) {
            log.debug("{}: {} from {} lost: not registered", name, message.getType(), service.label());
            return;
        }
        if (message instanceof Request request) {
            if (request.getType() == Type.CON) {
                served.receive(service, request);
            }
            return;
        }
        matcher.receive(service, message);
    }

    // ---- life cycle --------------------------------------------------------------------------

    /**
     * Forgets every exchange and lookup without reporting them, as a power cut does; answers
     * still on their way are no longer waited for and find nobody when they arrive.
     */
    public void reset() {
        matcher.reset();
        dns.reset();
        served.forget();
        inFlight.clear();
    }

    /** Waits (bounded, in wall time) until every real datagram sent has been answered or lost. */
    @Override
    public void awaitQuiet() {
        inFlight.awaitQuiet();
    }

    /** The UDP channels the process's modules hold bound now: those of the modules awake, not those parked in PSM. */
    public static int channelsBound() {
        return UdpChannels.shared().bound();
    }

    /**
     * The UDP channels the process's modules could not open since the first, for want of a file descriptor (more
     * modules awake at once than {@code ulimit -n} allows) or of a loopback port.
     */
    public static long channelsRefused() {
        return UdpChannels.shared().refused();
    }

    /**
     * The radio entered PSM: the module's sockets give their descriptors back until the next send, which binds them
     * to the same addresses and ports. What a lab service sends meanwhile finds no socket, as it finds no radio
     * listening on a real network; so a process holds as many modules as it has descriptors for those awake at once.
     */
    public void park() {
        connector.park();
    }

    /** Resets and closes the channels; nothing is sent afterwards. */
    @Override
    public void close() {
        reset();
        connector.close();
    }
}
