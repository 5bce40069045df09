package dev.selfreg.capture.exchange;

import dev.selfreg.capture.net.Segment;
import dev.selfreg.capture.net.Transport;
import dev.selfreg.checks.observed.CtReport;
import dev.selfreg.checks.observed.DeviceObservation;
import dev.selfreg.checks.observed.DmMessage;
import dev.selfreg.protocol.cmdmp.DmCipher;
import dev.selfreg.protocol.cmdmp.DmRegister;
import dev.selfreg.protocol.cmdmp.UriQueryOption;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
 * Wireshark numbers it.
 */
public final class Exchanges {

    private static final int REMEMBERED_MESSAGE_IDS = 4096;
    private static final String NO_REPLY = "no reply";

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
    /** The registration each client address made last, for the platform's reads to it. */
    private final Map<InetSocketAddress, DmJudgement.Registered> byClient = new HashMap<>();
    private final Map<String, List<CtReport>> reports = new TreeMap<>();
    private final Map<String, List<DmMessage>> messages = new TreeMap<>();
    private int found;
    private int retransmissions;

    /** A request waiting for its answer. */
    private record Pending(Kind kind, String transport, long frame, Instant time, Request request, String body,
                           DmJudgement.Registered registration, InetSocketAddress client,
                           InetSocketAddress server) {
    }

    private enum Kind { CT, REGISTER, UPDATE, DEREGISTER, READ }

    /**
     * @param applications the password of each APPkey the reader knows (as the platform's {@code --dm-app})
     */
    public Exchanges(Function<String, Optional<DmCipher>> applications) {
        this.judgement = new DmJudgement(applications);
    }

    /** Takes in the next segment of the capture, in capture order. */
    public void accept(Segment segment) {
        if (segment.transport() == Transport.TCP) {
            http.accept(segment);
        } else if (segment.payload().length > 0) {
            datagram(segment);
        }
    }

    /** How many ZZHC and CMDMP exchanges were found so far. */
    public int found() {
        return found;
    }

    /** How many CoAP retransmissions were counted once. */
    public int retransmissions() {
        return retransmissions;
    }

    /**
     * Every device seen, observed until the given moment.
     *
     * @param complete whether the capture was read to its end: then the requests still unanswered count as the
     *     answer that never came (a report without reply, a refused Register or Update, a failed read); when reading
     *     stopped at damage, their answers may lie beyond it, and they are left out
     */
    public List<DeviceObservation> observations(Instant until, boolean complete) {
        if (complete) {
            pendingCoap.values().forEach(p -> answered(p, null, NO_REPLY, until));
            pendingHttp.values().forEach(queue -> queue.forEach(p -> answered(p, null, NO_REPLY, until)));
        }
        pendingCoap.clear();
        pendingHttp.clear();
        List<String> imeis = new ArrayList<>(reports.keySet());
        messages.keySet().stream().filter(i -> !imeis.contains(i)).forEach(imeis::add);
        imeis.sort(String::compareTo);
        List<DeviceObservation> devices = new ArrayList<>();
        for (String imei : imeis) {
            devices.add(new DeviceObservation(imei, reports.getOrDefault(imei, List.of()),
                    DmJudgement.withExpiries(messages.getOrDefault(imei, List.of()), until), List.of(), until));
        }
        return devices;
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
        String body = new String(request.getPayload(), StandardCharsets.ISO_8859_1);
        Kind kind = null;
        DmJudgement.Registered registration = null;
        if (request.getCode() == CoAP.Code.POST && isReport(body, segment.time())) {
            kind = Kind.CT;
        } else if (request.getCode() == CoAP.Code.POST && path.equals(List.of(DmRegister.PATH))
                && query.stream().anyMatch(q -> q.key().equals(DmRegister.ENDPOINT_KEY))) {
            kind = Kind.REGISTER;
        } else if ((request.getCode() == CoAP.Code.POST || request.getCode() == CoAP.Code.DELETE)
                && path.size() == 2 && path.get(0).equals(DmRegister.PATH)) {
            registration = registrations.get(segment.destination() + "/" + String.join("/", path));
            kind = registration == null ? null : request.getCode() == CoAP.Code.POST ? Kind.UPDATE : Kind.DEREGISTER;
        } else if (request.getCode() == CoAP.Code.GET && isTerminalInfo(path)) {
            registration = byClient.get(segment.destination());
            kind = registration == null ? null : Kind.READ;
        }
        if (kind != null) {
            pendingCoap.put(key(segment.source(), segment.destination(), request.getTokenString()),
                    new Pending(kind, "coap", segment.frame(), segment.time(), request, body, registration,
                            segment.source(), segment.destination()));
        }
    }

    private void http(HttpMessage message) {
        String connection = message.request() ? message.source() + ">" + message.destination()
                : message.destination() + ">" + message.source();
        if (message.request()) {
            String body = new String(message.body(), StandardCharsets.ISO_8859_1);
            if (message.startLine().startsWith("POST ") && isReport(body, message.time())) {
                pendingHttp.computeIfAbsent(connection, c -> new ArrayDeque<>()).add(new Pending(Kind.CT, "http",
                        message.frame(), message.time(), null, body, null, message.source(), message.destination()));
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
        found++;
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
                    byClient.put(pending.client(), registered);
                }
            }
            case UPDATE -> add(pending.registration().imei(),
                    judgement.update(ref, pending.time(), pending.registration(), pending.request(), response, answer));
            case DEREGISTER -> {
                if (response != null && response.getCode() == CoAP.ResponseCode.DELETED) {
                    add(pending.registration().imei(),
                            new DmMessage.Deregister(ref, pending.time(), pending.registration().endpoint()));
                }
            }
            case READ -> add(pending.registration().imei(),
                    judgement.read(ref, time, pending.registration(), response, answer));
        }
    }

    private void report(Pending pending, String resultCode) {
        found++;
        CtReport report = new CtReport("frame " + pending.frame(), pending.time(), pending.transport(), pending.body(),
                resultCode);
        if (report.imei() != null) {
            reports.computeIfAbsent(report.imei(), i -> new ArrayList<>()).add(report);
        }
    }

    private void add(String imei, DmMessage message) {
        if (imei != null && message != null) {
            messages.computeIfAbsent(imei, i -> new ArrayList<>()).add(message);
        }
    }

    /** Whether a body is a ZZHC report: Base64 of a JSON object with {@code REGVER}, read as leniently as a person. */
    private static boolean isReport(String body, Instant time) {
        CtReport probe = new CtReport("probe", time, "coap", body, NO_REPLY);
        return probe.fields().isPresent() && probe.text("REGVER") != null;
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
