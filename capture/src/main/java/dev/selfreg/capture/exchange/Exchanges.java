package dev.selfreg.capture.exchange;

import dev.selfreg.capture.net.Segment;
import dev.selfreg.capture.net.Transport;
import dev.selfreg.checks.observed.CtReport;
import dev.selfreg.checks.observed.DmMessage;
import dev.selfreg.protocol.cmdmp.DmCipher;
import dev.selfreg.protocol.cmdmp.DmRegister;
import dev.selfreg.protocol.cmdmp.UriQueryOption;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.Message;
import org.eclipse.californium.core.coap.MessageFormatException;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.serialization.UdpDataParser;

/**
 * Finds the ZZHC and CMDMP exchanges in a capture's segments by what they carry, not by port: a CoAP or HTTP POST
 * whose body is a ZZHC report, with the reply's {@code resultCode}; an LwM2M Register ({@code POST /rd?ep=}), Update
 * ({@code POST /rd/<location>}) and Deregister, each with its answer; the platform's {@code GET /666/0} and its TLV
 * answer. Each becomes the {@link CtReport} or {@link DmMessage} the platform would have recorded for it, judged by
 * {@link DmJudgement} with the applications' passwords given; a CoAP retransmission (same sender, same message id) is
 * counted once, as the platform's deduplication takes it. Records are named after the frame of their request, as
 * Wireshark numbers it, and go to a {@link Found} as their answers come.
 *
 * <p>What it holds between packets is bounded by what is in flight, not by the capture's length: a CoAP request
 * unanswered for {@link #EXCHANGE_LIFETIME} got no answer (a later one would not belong to its exchange), an HTTP
 * request likewise; a registration is forgotten when its endpoint registers anew or deregisters.
 */
public final class Exchanges {

    private static final int REMEMBERED_MESSAGE_IDS = 4096;
    private static final String NO_REPLY = "no reply";
    /** CoAP's EXCHANGE_LIFETIME with the default transmission parameters, 247 s (RFC 7252, 4.8.2). */
    static final Duration EXCHANGE_LIFETIME = Duration.ofSeconds(247);
    /** How often, in capture time, the requests in flight are looked through for those that got no answer. */
    private static final Duration SWEEP_EVERY = Duration.ofSeconds(30);

    /** Where the records found go, each with its device, in the order their answers came. */
    public interface Found {

        /** A China Telecom report of the device {@code imei}. */
        void report(String imei, CtReport report);

        /** A China Mobile message of the device {@code imei}. */
        void message(String imei, DmMessage message);

        /** No record found from now on will be earlier than {@code moment}. */
        default void settled(Instant moment) {
        }
    }

    private final Found found;
    private final DmJudgement judgement;
    private final UdpDataParser coap = new UdpDataParser();
    private final HttpStreams http = new HttpStreams(this::http);
    private final Map<String, Boolean> recentMessageIds = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_MESSAGE_IDS;
        }
    };
    private final Map<String, Pending> pendingCoap = new HashMap<>();
    private final Map<String, Deque<Pending>> pendingHttp = new HashMap<>();
    /** Registrations by server address and location path. */
    private final Map<String, DmJudgement.Registered> registrations = new HashMap<>();
    /** The location of each endpoint's registration, to forget it when the endpoint registers anew. */
    private final Map<String, String> locations = new HashMap<>();
    /** The registration each client address made last, for the platform's reads to it. */
    private final Map<InetSocketAddress, DmJudgement.Registered> byClient = new HashMap<>();
    private int exchanges;
    private int retransmissions;
    private Instant sweptAt;

    /** A request waiting for its answer; {@code report} the ZZHC report it carries, before its answer. */
    private record Pending(Kind kind, long frame, Instant time, Request request, CtReport report,
                           DmJudgement.Registered registration, InetSocketAddress client,
                           InetSocketAddress server, String location) {
    }

    private enum Kind { CT, REGISTER, UPDATE, DEREGISTER, READ }

    /**
     * @param applications the password of each APPkey the reader knows (as the platform's {@code --dm-app})
     * @param found where the records go
     */
    public Exchanges(Function<String, Optional<DmCipher>> applications, Found found) {
        this.judgement = new DmJudgement(applications);
        this.found = Objects.requireNonNull(found, "found");
    }

    /** Takes in the next segment of the capture, in capture order. */
    public void accept(Segment segment) {
        sweep(segment.time());
        if (segment.transport() == Transport.TCP) {
            http.accept(segment);
        } else if (segment.payload().length > 0) {
            datagram(segment);
        }
    }

    /** How many ZZHC and CMDMP exchanges were found so far. */
    public int found() {
        return exchanges;
    }

    /** How many CoAP retransmissions were counted once. */
    public int retransmissions() {
        return retransmissions;
    }

    /**
     * The capture ended at {@code until}.
     *
     * @param complete whether the capture was read to its end: then the requests still unanswered count as the
     *     answer that never came (a report without reply, a refused Register or Update, a failed read); when reading
     *     stopped at damage, their answers may lie beyond it, and they are left out
     */
    public void finish(Instant until, boolean complete) {
        if (complete) {
            pendingCoap.values().forEach(p -> answered(p, null, NO_REPLY, until));
            pendingHttp.values().forEach(queue -> queue.forEach(p -> answered(p, null, NO_REPLY, until)));
        }
        pendingCoap.clear();
        pendingHttp.clear();
    }

    /** Gives up on the requests unanswered for an exchange lifetime, now and then. */
    private void sweep(Instant now) {
        if (sweptAt != null && now.isBefore(sweptAt.plus(SWEEP_EVERY))) {
            return;
        }
        sweptAt = now;
        Instant expired = now.minus(EXCHANGE_LIFETIME);
        pendingCoap.values().removeIf(p -> gaveUp(p, expired));
        pendingHttp.values().removeIf(queue -> {
            queue.removeIf(p -> gaveUp(p, expired));
            return queue.isEmpty();
        });
        found.settled(expired);
    }

    private boolean gaveUp(Pending pending, Instant expired) {
        if (!pending.time().isBefore(expired)) {
            return false;
        }
        answered(pending, null, NO_REPLY, pending.time().plus(EXCHANGE_LIFETIME));
        return true;
    }

    private void datagram(Segment segment) {
        Message message;
        try {
            message = coap.parseMessage(segment.payload());
        } catch (MessageFormatException | IllegalArgumentException | IllegalStateException notCoap) {
            // Californium refuses an Empty message with a payload by IllegalStateException
            return;
        }
        if (message instanceof Request request) {
            String id = segment.source() + "/" + request.getMID();
            if (request.getType() == CoAP.Type.CON && recentMessageIds.put(id, true) != null) {
                retransmissions++;
                return;
            }
            coapRequest(segment, request);
        } else if (message instanceof Response response) {
            String key = key(segment.destination(), segment.source(), response.getTokenString());
            Pending pending = pendingCoap.remove(key);
            if (pending != null) {
                answered(pending, response, codeText(response.getCode()), segment.time());
            }
        }
    }

    private void coapRequest(Segment segment, Request request) {
        List<String> path = request.getOptions().getUriPath();
        List<UriQueryOption> query = request.getOptions().getUriQuery().stream().map(UriQueryOption::parse).toList();
        CtReport report = null;
        Kind kind = null;
        DmJudgement.Registered registration = null;
        String location = null;
        if (request.getCode() == CoAP.Code.POST
                && (report = report(segment.frame(), segment.time(), "coap", request.getPayload())) != null) {
            kind = Kind.CT;
        } else if (request.getCode() == CoAP.Code.POST && path.equals(List.of(DmRegister.PATH))
                && query.stream().anyMatch(q -> q.key().equals(DmRegister.ENDPOINT_KEY))) {
            kind = Kind.REGISTER;
        } else if ((request.getCode() == CoAP.Code.POST || request.getCode() == CoAP.Code.DELETE)
                && path.size() == 2 && path.get(0).equals(DmRegister.PATH)) {
            location = segment.destination() + "/" + String.join("/", path);
            registration = registrations.get(location);
            kind = registration == null ? null : request.getCode() == CoAP.Code.POST ? Kind.UPDATE : Kind.DEREGISTER;
        } else if (request.getCode() == CoAP.Code.GET && isTerminalInfo(path)) {
            registration = byClient.get(segment.destination());
            kind = registration == null ? null : Kind.READ;
        }
        if (kind != null) {
            pendingCoap.put(key(segment.source(), segment.destination(), request.getTokenString()),
                    new Pending(kind, segment.frame(), segment.time(), request, report, registration,
                            segment.source(), segment.destination(), location));
        }
    }

    private void http(HttpMessage message) {
        String connection = message.request() ? message.source() + ">" + message.destination()
                : message.destination() + ">" + message.source();
        if (message.request()) {
            CtReport report = message.startLine().startsWith("POST ")
                    ? report(message.frame(), message.time(), "http", message.body()) : null;
            if (report != null) {
                pendingHttp.computeIfAbsent(connection, c -> new ArrayDeque<>()).add(new Pending(Kind.CT,
                        message.frame(), message.time(), null, report, null, message.source(), message.destination(),
                        null));
            }
            return;
        }
        Deque<Pending> queue = pendingHttp.get(connection);
        Pending pending = queue == null ? null : queue.poll();
        if (pending != null) {
            report(pending, resultCode(message.body()));
        }
    }

    private void answered(Pending pending, Response response, String answer, Instant time) {
        if (pending.kind() == Kind.CT) {
            report(pending, response == null ? NO_REPLY : resultCode(response.getPayload()));
            return;
        }
        exchanges++;
        String ref = "frame " + pending.frame();
        switch (pending.kind()) {
            case CT -> throw new IllegalStateException("reported above");
            case REGISTER -> {
                DmJudgement.Registered registered = judgement.register(ref, pending.time(), pending.request(),
                        response, answer);
                add(registered.imei(), registered.lastMessage());
                if (response != null && response.getCode() == CoAP.ResponseCode.CREATED) {
                    String location = pending.server() + "/" + String.join("/",
                            response.getOptions().getLocationPath());
                    registrations.put(location, registered);
                    String before = locations.put(registered.endpoint(), location);
                    if (before != null && !before.equals(location)) {
                        registrations.remove(before);
                    }
                    byClient.put(pending.client(), registered);
                }
            }
            case UPDATE -> add(pending.registration().imei(),
                    judgement.update(ref, pending.time(), pending.registration(), pending.request(), response, answer));
            case DEREGISTER -> {
                if (response != null && response.getCode() == CoAP.ResponseCode.DELETED) {
                    add(pending.registration().imei(),
                            new DmMessage.Deregister(ref, pending.time(), pending.registration().endpoint()));
                    registrations.remove(pending.location());
                    locations.remove(pending.registration().endpoint(), pending.location());
                }
            }
            case READ -> add(pending.registration().imei(),
                    judgement.read(ref, time, pending.registration(), response, answer));
        }
    }

    private void report(Pending pending, String resultCode) {
        exchanges++;
        CtReport report = pending.report().answered(resultCode);
        if (report.imei() != null) {
            found.report(report.imei(), report);
        }
    }

    private void add(String imei, DmMessage message) {
        if (imei != null && message != null) {
            found.message(imei, message);
        }
    }

    /**
     * The ZZHC report a request body is, before its answer: Base64 of a JSON object with {@code REGVER}, read as
     * leniently as a person; {@code null} when it is none.
     */
    private static CtReport report(long frame, Instant time, String transport, byte[] body) {
        CtReport report = new CtReport("frame " + frame, time, transport,
                new String(body, StandardCharsets.ISO_8859_1), NO_REPLY);
        return report.fields().isPresent() && report.text("REGVER") != null ? report : null;
    }

    private static boolean isTerminalInfo(List<String> path) {
        return !path.isEmpty() && path.get(0).equals("666") && (path.size() == 1 || path.size() == 2
                && path.get(1).equals("0"));
    }

    /** A reply's {@code resultCode}, or a few words on what the reply was instead. */
    private static String resultCode(byte[] body) {
        return ReplyText.resultCode(body).orElse("unreadable reply");
    }

    static String codeText(CoAP.ResponseCode code) {
        return code.codeClass + "." + String.format("%02d", code.codeDetail);
    }

    private static String key(InetSocketAddress client, InetSocketAddress server, String token) {
        return client + ">" + server + "#" + token;
    }
}
