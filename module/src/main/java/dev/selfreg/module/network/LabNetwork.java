package dev.selfreg.module.network;

import dev.selfreg.vocabulary.CarrierServers;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The emulated module's radio network as a map: the names and addresses a real module would
 * use, each routed to a lab service, and each lab service's endpoint on the loopback interface
 * (interfaces.md, "The emulated module's network"). A destination that is not in the map is
 * unreachable, like an address without a route: no real packet is sent for it. Names resolve
 * through a simulated DNS on the same map, after {@link #dnsDelay()} of module time. A service
 * may be known to follow its 2.01 and 2.04 answers with a request of its own
 * ({@link #followsUpAnswers}); virtual time then waits for that request too.
 *
 * <p>Immutable; one value can serve a whole fleet, each module running its own
 * {@link ModuleNetwork} on it. A {@link WireTap} on it sees every module's datagrams.
 */
public final class LabNetwork {

    private final Map<String, LabService> routes;
    private final Map<LabService, InetSocketAddress> endpoints;
    private final Duration dnsDelay;
    private final Set<LabService> followingUp;
    private final WireTap tap;
    private final Duration answerBound;

    private LabNetwork(Map<String, LabService> routes, Map<LabService, InetSocketAddress> endpoints, Duration dnsDelay,
                       Set<LabService> followingUp, WireTap tap, Duration answerBound) {
        this.routes = Map.copyOf(routes);
        this.endpoints = endpoints.isEmpty() ? Map.of() : Map.copyOf(endpoints);
        this.dnsDelay = dnsDelay;
        this.followingUp = Set.copyOf(followingUp);
        this.tap = tap;
        this.answerBound = answerBound;
    }

    /** A network where nothing is reachable and no name resolves. */
    public static LabNetwork isolated() {
        return new LabNetwork(Map.of(), Map.of(), Duration.ZERO, Set.of(), WireTap.NONE, ModuleNetwork.ANSWER_BOUND);
    }

    /**
     * The carriers' names and addresses routed to a lab platform on {@code host}: China Telecom's
     * ({@code zzhc.vnet.cn}, {@code 42.99.2.15}) to its CoAP port, China Mobile's
     * ({@code 117.161.2.41}, {@code 117.161.2.7}, {@code m.fxlttsbl.com} as the seed prints it and
     * {@code m.fxltsbl.com} as the vendor sources spell it) to its DM port. The lab
     * platform's DM service reads {@code /666/0} after each Register and Update it accepts
     * (cmcc-dm-wire.md), so DM {@link #followsUpAnswers follows up its answers}.
     *
     * @throws IllegalArgumentException when {@code host} is not a loopback address
     */
    public static LabNetwork lab(InetAddress host, int ctPort, int dmPort) {
        return isolated()
                .withEndpoint(LabService.CT, new InetSocketAddress(host, ctPort))
                .withEndpoint(LabService.DM, new InetSocketAddress(host, dmPort))
                .withRoute(CarrierServers.CT_DOMAIN, LabService.CT)
                .withRoute(CarrierServers.CT_SERVER_IP, LabService.CT)
                .withRoute(CarrierServers.DM_SERVER_DEFAULT, LabService.DM)
                .withRoute(CarrierServers.DM_TEST_SERVER, LabService.DM)
                .withRoute(CarrierServers.DM_SERVER_DOMAIN, LabService.DM)
                .withRoute(CarrierServers.DM_SERVER_DOMAIN_VENDOR_SPELLING, LabService.DM)
                .withFollowUp(LabService.DM, true);
    }

    /** This network with {@code host} (a name or an IP literal) routed to {@code service}. */
    public LabNetwork withRoute(String host, LabService service) {
        Map<String, LabService> next = new HashMap<>(routes);
        next.put(normalize(host), service);
        return new LabNetwork(next, endpoints, dnsDelay, followingUp, tap, answerBound);
    }

    /**
     * This network with {@code service} served at {@code endpoint}.
     *
     * @throws IllegalArgumentException when the endpoint is not on loopback or has no port
     */
    public LabNetwork withEndpoint(LabService service, InetSocketAddress endpoint) {
        Loopback.require(endpoint);
        if (endpoint.getPort() == 0) {
            throw new IllegalArgumentException("the " + service.label() + " endpoint needs a port: " + endpoint);
        }
        Map<LabService, InetSocketAddress> next = new EnumMap<>(LabService.class);
        next.putAll(endpoints);
        next.put(service, endpoint);
        return new LabNetwork(routes, next, dnsDelay, followingUp, tap, answerBound);
    }

    /** This network with every name lookup taking {@code delay} of module time. */
    public LabNetwork withDnsDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative DNS delay " + delay);
        }
        return new LabNetwork(routes, endpoints, delay, followingUp, tap, answerBound);
    }

    /**
     * This network with {@code service} following up (or not) each 2.01 Created and 2.04 Changed
     * it answers with a request to the module, which virtual time then waits for (at most
     * {@link #answerBound()} of wall time): without the wait a virtual clock could
     * put the module to sleep before the request arrives. A service that does not follow up
     * must not be declared so, as each answer would cost that bound.
     */
    public LabNetwork withFollowUp(LabService service, boolean followsUp) {
        Set<LabService> next = EnumSet.noneOf(LabService.class);
        next.addAll(followingUp);
        if (followsUp) {
            next.add(service);
        } else {
            next.remove(service);
        }
        return new LabNetwork(routes, endpoints, dnsDelay, next, tap, answerBound);
    }

    /**
     * This network with every datagram of every module on it shown to {@code tap} as it goes over the module's
     * socket (a capture of the modules' traffic); replaces the tap given before.
     */
    public LabNetwork withTap(WireTap tap) {
        return new LabNetwork(routes, endpoints, dnsDelay, followingUp, Objects.requireNonNull(tap, "tap"), answerBound);
    }

    /**
     * This network with every module waiting at most {@code bound} of wall time for a real answer (or a follow-up
     * request) before virtual time goes on without it; {@link ModuleNetwork#ANSWER_BOUND} unless given. A lab whose
     * platform shares the machine with many modules gives it more: there an answer can take longer than a second,
     * while a datagram really lost is rare.
     */
    public LabNetwork withAnswerBound(Duration bound) {
        if (bound.isNegative() || bound.isZero()) {
            throw new IllegalArgumentException("the answer bound must be positive: " + bound);
        }
        return new LabNetwork(routes, endpoints, dnsDelay, followingUp, tap, bound);
    }

    /** How long a module waits in wall time for a real answer before virtual time goes on without it. */
    public Duration answerBound() {
        return answerBound;
    }

    /** What sees the modules' datagrams: {@link WireTap#NONE} unless {@link #withTap} gave one. */
    public WireTap tap() {
        return tap;
    }

    /** Whether {@code service} follows its 2.01 and 2.04 answers with a request of its own. */
    public boolean followsUpAnswers(LabService service) {
        return followingUp.contains(service);
    }

    /** The service {@code host} is routed to, if any. */
    public Optional<LabService> route(String host) {
        return Optional.ofNullable(routes.get(normalize(host)));
    }

    /** Where {@code service} listens, if it is in this network. */
    public Optional<InetSocketAddress> endpoint(LabService service) {
        return Optional.ofNullable(endpoints.get(service));
    }

    /** How long a name lookup takes in module time. */
    public Duration dnsDelay() {
        return dnsDelay;
    }

    /** Names are case-insensitive (RFC 4343); surrounding blanks are not part of a host. */
    static String normalize(String host) {
        return host.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "LabNetwork" + endpoints + " routes " + routes.keySet() + ", DNS " + dnsDelay
                + (followingUp.isEmpty() ? "" : ", follow-ups from " + followingUp);
    }
}
