package dev.selfreg.platform.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.selfreg.checks.observed.CtReport;
import dev.selfreg.platform.wire.DeviceTimeline.Field;
import dev.selfreg.platform.wire.DeviceTimeline.Message;
import dev.selfreg.protocol.cmdmp.DmCipher;
import dev.selfreg.protocol.cmdmp.DmDecryptException;
import dev.selfreg.protocol.cmdmp.DmDialect;
import dev.selfreg.protocol.cmdmp.DmEndpointName;
import dev.selfreg.protocol.cmdmp.DmEpi;
import dev.selfreg.protocol.cmdmp.DmIdentityCheck;
import dev.selfreg.protocol.cmdmp.DmRegister;
import dev.selfreg.protocol.cmdmp.TerminalInfo;
import dev.selfreg.protocol.cmdmp.UriQueryOption;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.MessageFormatException;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.serialization.UdpDataParser;
import org.eclipse.leshan.core.model.ObjectModel;
import org.eclipse.leshan.core.model.ResourceModel;
import org.eclipse.leshan.core.model.StaticModel;
import org.eclipse.leshan.core.node.LwM2mObjectInstance;
import org.eclipse.leshan.core.node.LwM2mPath;
import org.eclipse.leshan.core.node.LwM2mResource;
import org.eclipse.leshan.core.node.codec.CodecException;
import org.eclipse.leshan.core.node.codec.DefaultLwM2mDecoder;
import org.eclipse.leshan.core.request.ContentFormat;

/**
 * Turns one device's journal entries into the messages of its {@link DeviceTimeline}, walking them in order: a
 * reply is matched to its request by token (an empty ACK by message id), a CoAP message repeating an earlier one
 * (same sender, message id and type) is marked a retransmission, and an Update's {@code epi} and the object 666
 * values are decrypted with the password of the APPkey the device last registered with. Used once per timeline.
 */
final class TimelineDecoder {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectModel TERMINAL_INFO = TerminalInfo.objectModel();
    private static final DefaultLwM2mDecoder TLV = new DefaultLwM2mDecoder();
    private static final String HEADER_END = "\r\n\r\n";
    private static final int PRINTABLE_PAYLOAD = 200;

    private final String imei;
    private final Function<String, Optional<DmCipher>> ciphers;
    private final UdpDataParser coap = new UdpDataParser();
    private final List<Message> messages = new ArrayList<>();
    /** The first of each (sender, type, message id). */
    private final Map<String, Integer> firstByMessageId = new HashMap<>();
    /** Requests waiting for their reply, by requester and token. */
    private final Map<String, Asked> byToken = new HashMap<>();
    /** Confirmable requests waiting for an acknowledgement, by requester and message id. */
    private final Map<String, Asked> byMessageId = new HashMap<>();
    private String appKey;

    /** A request: its number and what it asked. */
    private record Asked(int number, String kind) {
    }

    TimelineDecoder(String imei, Function<String, Optional<DmCipher>> ciphers) {
        this.imei = imei;
        this.ciphers = ciphers;
    }

    List<Message> decode(List<WireEntry> entries) {
        for (WireEntry entry : entries) {
            if (entry instanceof WireEntry.Datagram datagram) {
                datagram(datagram);
            } else if (entry instanceof WireEntry.HttpExchange exchange) {
                http(exchange);
            }
        }
        return List.copyOf(messages);
    }

    // ---- CoAP ----

    private void datagram(WireEntry.Datagram d) {
        InetSocketAddress from = d.received() ? d.peer() : d.local();
        InetSocketAddress to = d.received() ? d.local() : d.peer();
        int number = messages.size() + 1;
        org.eclipse.californium.core.coap.Message message;
        try {
            message = coap.parseMessage(d.payload());
        } catch (MessageFormatException | IllegalArgumentException notCoap) {
            add(d.time(), d.listener(), d.received(), from, to, "not-coap", "not CoAP: " + d.payload().length
                    + " bytes", List.of(), null, null, d.payload());
            return;
        }
        Integer repeats = firstByMessageId.putIfAbsent(from + "|" + message.getType() + "|" + message.getMID(), number);
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("CoAP", coapHead(message)));
        String kind;
        String summary;
        Integer answers = null;
        if (message instanceof Request request) {
            kind = kind(request);
            summary = request(kind, request, fields);
            if (repeats == null) {
                byToken.put(from + "#" + request.getTokenString(), new Asked(number, kind));
                if (request.isConfirmable()) {
                    byMessageId.put(from + "#" + request.getMID(), new Asked(number, kind));
                }
            }
        } else if (message instanceof Response response) {
            Asked asked = byToken.get(to + "#" + response.getTokenString());
            answers = asked == null ? null : asked.number();
            kind = "reply";
            summary = reply(asked == null ? "" : asked.kind(), response, fields);
        } else {
            Asked asked = byMessageId.get(to + "#" + message.getMID());
            answers = message.getType() == CoAP.Type.ACK || message.getType() == CoAP.Type.RST
                    ? asked == null ? null : asked.number() : null;
            kind = "empty";
            summary = switch (message.getType()) {
                case ACK -> "empty ACK";
                case RST -> "RST (reset)";
                default -> "CoAP ping (empty " + message.getType() + ")";
            };
        }
        if (repeats != null) {
            summary = "retransmission: " + summary;
        }
        add(d.time(), d.listener(), d.received(), from, to, kind, summary, fields, answers, repeats, d.payload());
    }

    private static String kind(Request request) {
        List<String> path = request.getOptions().getUriPath();
        boolean post = request.getCode() == CoAP.Code.POST;
        if (post && path.equals(List.of(DmRegister.PATH)) && !query(request, DmRegister.ENDPOINT_KEY).isEmpty()) {
            return "register";
        }
        if (path.size() == 2 && path.get(0).equals(DmRegister.PATH)) {
            if (post) {
                return "update";
            }
            if (request.getCode() == CoAP.Code.DELETE) {
                return "deregister";
            }
        }
        if (request.getCode() == CoAP.Code.GET && !path.isEmpty()
                && path.get(0).equals(Integer.toString(TerminalInfo.OBJECT_ID))) {
            return "read";
        }
        if (post && report(new String(request.getPayload(), StandardCharsets.ISO_8859_1)).isPresent()) {
            return "report";
        }
        return "request";
    }

    private String request(String kind, Request request, List<Field> fields) {
        String path = "/" + request.getOptions().getUriPathString();
        request.getOptions().getUriQuery().stream().map(UriQueryOption::parse)
                .forEach(q -> fields.add(new Field(q.key(), q.value())));
        return switch (kind) {
            case "register" -> {
                String endpoint = query(request, DmRegister.ENDPOINT_KEY).get(0);
                identity(endpoint, fields);
                fields.add(new Field("objects", request.getPayloadString()));
                List<String> lifetime = query(request, DmRegister.LIFETIME_KEY);
                yield "LwM2M Register" + (lifetime.isEmpty() ? "" : ", lifetime " + lifetime.get(0) + " s");
            }
            case "update" -> {
                List<String> epi = query(request, DmEpi.QUERY_KEY);
                if (epi.size() == 1) {
                    fields.add(new Field("epi decrypted", epi(epi.get(0))));
                }
                yield "LwM2M Update of " + path;
            }
            case "deregister" -> "LwM2M Deregister of " + path;
            case "read" -> "Read " + path + " (object 666, terminal information)";
            case "report" -> {
                CtReport report = report(new String(request.getPayload(), StandardCharsets.ISO_8859_1)).get();
                reportFields(report, fields);
                yield "ZZHC report over CoAP, REGVER " + report.text("REGVER") + " to " + path;
            }
            default -> {
                payload(request.getPayload(), fields);
                yield request.getCode() + " " + path;
            }
        };
    }

    private String reply(String askedKind, Response response, List<Field> fields) {
        String code = codeText(response.getCode());
        switch (askedKind) {
            case "register" -> {
                List<String> location = response.getOptions().getLocationPath();
                if (!location.isEmpty()) {
                    fields.add(new Field("location", "/" + String.join("/", location)));
                    return code + ", registered at /" + String.join("/", location);
                }
            }
            case "read" -> {
                if (response.getCode() == CoAP.ResponseCode.CONTENT) {
                    return code + ": " + terminalInfo(response, fields);
                }
            }
            case "report" -> {
                Optional<JsonNode> reply = json(response.getPayload());
                if (reply.isPresent()) {
                    return code + ": " + zzhcReply(reply.get(), fields);
                }
            }
            default -> {
            }
        }
        payload(response.getPayload(), fields);
        return code;
    }

    /** The endpoint name's identity: the APPkey and IMEI in the clear, the rest decrypted when the APPkey is known. */
    private void identity(String endpoint, List<Field> fields) {
        if (!endpoint.contains(DmEndpointName.SEPARATOR)) {
            fields.add(new Field("identity", "a plain LwM2M endpoint name, no DM 2.0 identity"));
            appKey = null;
            return;
        }
        DmEndpointName.Parse parse = DmEndpointName.parse(endpoint);
        if (parse instanceof DmEndpointName.Malformed malformed) {
            fields.add(new Field("identity", "not a DM 2.0 endpoint name: " + malformed.detail()));
            appKey = null;
            return;
        }
        DmEndpointName name = ((DmEndpointName.Parsed) parse).name();
        appKey = name.appKey();
        fields.add(new Field("APPkey", name.appKey()));
        fields.add(new Field("IMEI (in the clear)", name.imei()));
        fields.add(new Field("identity decrypted", ciphers.apply(name.appKey())
                .map(cipher -> checked(name.verify(cipher))).orElse(unknownAppKey(name.appKey()))));
    }

    private String epi(String value) {
        DmEpi epi = new DmEpi(value);
        if (epi.flaw().isPresent()) {
            return "malformed: " + epi.flaw().get();
        }
        String key = epi.fields().map(DmEndpointName::appKey).orElse(appKey);
        if (key == null) {
            return "not decrypted: no DM 2.0 Register of this device in the journal names its APPkey";
        }
        return ciphers.apply(key).map(cipher -> checked(epi.verify(cipher, imei))).orElse(unknownAppKey(key));
    }

    private static String checked(DmIdentityCheck check) {
        if (check instanceof DmIdentityCheck.Verified verified) {
            return "IMEI " + verified.imei() + ", IMSI " + verified.imsi()
                    + (verified.dialect().equals(DmDialect.REFERENCE) ? "" : " (" + verified.dialect().label() + ")");
        }
        DmIdentityCheck.Mismatch mismatch = (DmIdentityCheck.Mismatch) check;
        return "does not hold (" + mismatch.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ') + "): "
                + mismatch.detail();
    }

    private static String unknownAppKey(String key) {
        return "not decrypted: the platform does not know APPkey " + key;
    }

    /** Object 666 as the device answered it, each value decrypted when the APPkey is known. */
    private String terminalInfo(Response response, List<Field> fields) {
        LwM2mObjectInstance instance;
        try {
            instance = TLV.decode(response.getPayload(), ContentFormat.fromCode(response.getOptions()
                    .getContentFormat()), new LwM2mPath(TerminalInfo.OBJECT_ID, TerminalInfo.INSTANCE_ID),
                    new StaticModel(TERMINAL_INFO), LwM2mObjectInstance.class);
        } catch (CodecException | IllegalArgumentException e) {
            payload(response.getPayload(), fields);
            return "not an instance of object 666: " + e.getMessage();
        }
        Map<Integer, String> wire = new LinkedHashMap<>();
        for (LwM2mResource resource : instance.getResources().values()) {
            if (!resource.isMultiInstances() && resource.getValue() instanceof String value) {
                wire.put(resource.getId(), value);
            }
        }
        Optional<DmCipher> cipher = appKey == null ? Optional.empty() : ciphers.apply(appKey);
        if (cipher.isEmpty()) {
            wire.forEach((id, value) -> fields.add(new Field(resourceName(id), value)));
            return "object 666, " + wire.size() + " values, not decrypted: "
                    + (appKey == null ? "no DM 2.0 Register names the APPkey" : "unknown APPkey " + appKey);
        }
        try {
            Map<Integer, String> plain = TerminalInfo.decrypt(wire, cipher.get()).byResourceId();
            plain.forEach((id, value) -> fields.add(new Field(resourceName(id), value)));
            return "object 666, " + plain.size() + " values decrypted";
        } catch (DmDecryptException e) {
            wire.forEach((id, value) -> fields.add(new Field(resourceName(id), value)));
            return "object 666, " + wire.size() + " values that do not decrypt: " + e.getMessage();
        }
    }

    private static String resourceName(int id) {
        ResourceModel model = TERMINAL_INFO.resources.get(id);
        return id + (model == null ? "" : " " + model.name);
    }

    private static String coapHead(org.eclipse.californium.core.coap.Message message) {
        String code = message instanceof Request request ? " " + request.getCode()
                : message instanceof Response response ? " " + codeText(response.getCode()) : "";
        return message.getType() + code + ", MID " + message.getMID()
                + (message.getToken() == null || message.getToken().isEmpty() ? ""
                : ", token " + message.getTokenString());
    }

    private static String codeText(CoAP.ResponseCode code) {
        StringBuilder name = new StringBuilder();
        for (String word : code.name().split("_")) {
            name.append(' ').append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return code.codeClass + "." + String.format("%02d", code.codeDetail) + name;
    }

    private static List<String> query(Request request, String key) {
        return request.getOptions().getUriQuery().stream().map(UriQueryOption::parse)
                .filter(q -> q.key().equals(key)).map(UriQueryOption::value).toList();
    }

    // ---- HTTP ----

    private void http(WireEntry.HttpExchange h) {
        String request = new String(h.request(), StandardCharsets.ISO_8859_1);
        int end = request.indexOf(HEADER_END);
        String head = end < 0 ? request : request.substring(0, end);
        String body = end < 0 ? "" : request.substring(end + HEADER_END.length());
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("HTTP", head.lines().findFirst().orElse("")));
        Optional<CtReport> report = report(body);
        report.ifPresent(r -> reportFields(r, fields));
        int number = messages.size() + 1;
        add(h.time(), h.listener(), true, h.client(), h.server(), report.isPresent() ? "report" : "request",
                report.map(r -> "ZZHC report over HTTP, REGVER " + r.text("REGVER")).orElse(fields.get(0).value()),
                fields, null, null, h.request());

        String response = new String(h.response(), StandardCharsets.ISO_8859_1);
        int responseEnd = response.indexOf(HEADER_END);
        String status = response.lines().findFirst().orElse("");
        List<Field> replyFields = new ArrayList<>();
        replyFields.add(new Field("HTTP", status));
        byte[] replyBody = responseEnd < 0 ? new byte[0]
                : response.substring(responseEnd + HEADER_END.length()).getBytes(StandardCharsets.ISO_8859_1);
        Optional<JsonNode> reply = report.isPresent() ? json(replyBody) : Optional.empty();
        String summary = reply.map(r -> status.replaceFirst("^HTTP/\\S+ ", "") + ": " + zzhcReply(r, replyFields))
                .orElse(status);
        if (reply.isEmpty()) {
            payload(replyBody, replyFields);
        }
        add(h.answeredAt(), h.listener(), false, h.server(), h.client(), "reply", summary, replyFields, number, null,
                h.response());
    }

    // ---- ZZHC ----

    private static Optional<CtReport> report(String body) {
        CtReport report = new CtReport("timeline", Instant.EPOCH, "coap", body, "");
        return report.fields().isPresent() && report.text("REGVER") != null ? Optional.of(report) : Optional.empty();
    }

    private static void reportFields(CtReport report, List<Field> fields) {
        report.fields().get().fields().forEachRemaining(field ->
                fields.add(new Field(field.getKey(), field.getValue().isValueNode() ? field.getValue().asText()
                        : field.getValue().toString())));
    }

    private static String zzhcReply(JsonNode reply, List<Field> fields) {
        reply.fields().forEachRemaining(field -> fields.add(new Field(field.getKey(), field.getValue().asText())));
        JsonNode code = reply.get("resultCode");
        JsonNode description = reply.get("resultDesc");
        return code == null ? "a reply without resultCode" : "resultCode " + code.asText()
                + (description == null ? "" : " (" + description.asText() + ")");
    }

    private static Optional<JsonNode> json(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    private static void payload(byte[] payload, List<Field> fields) {
        if (payload.length == 0) {
            return;
        }
        String text = new String(payload, StandardCharsets.UTF_8);
        boolean printable = text.chars().allMatch(c -> c >= 0x20 && c != 0xFFFD || c == '\n' || c == '\r' || c == '\t');
        fields.add(new Field("payload", printable && text.length() <= PRINTABLE_PAYLOAD ? text
                : payload.length + " bytes: " + HexFormat.of().formatHex(payload, 0, Math.min(payload.length, 32))
                + (payload.length > 32 ? "..." : "")));
    }

    private void add(Instant time, String listener, boolean fromDevice, InetSocketAddress from, InetSocketAddress to,
            String kind, String summary, List<Field> fields, Integer answers, Integer retransmissionOf, byte[] bytes) {
        messages.add(new Message(messages.size() + 1, time, listener, fromDevice, address(from), address(to), kind,
                summary, List.copyOf(fields), Optional.ofNullable(answers), Optional.ofNullable(retransmissionOf),
                bytes));
    }

    private static String address(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }
}
