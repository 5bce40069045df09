package dev.selfreg.platform.wire;

import dev.selfreg.checks.observed.CtReport;
import dev.selfreg.protocol.cmdmp.DmEndpointName;
import dev.selfreg.protocol.cmdmp.DmRegister;
import dev.selfreg.protocol.cmdmp.UriQueryOption;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.Message;
import org.eclipse.californium.core.coap.MessageFormatException;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.serialization.UdpDataParser;

/**
 * Which device a datagram or HTTP exchange belongs to, from what it carries and what came before, without
 * decrypting anything: a ZZHC report names its IMEI ({@code MEID}, or {@code IMEI1}); a DM 2.0 Register's endpoint
 * name carries it in the clear; the platform's answer to a Register names the registration's location, so an Update
 * or Deregister of that location belongs to the same device, from whatever address it comes. Everything else
 * exchanged with an address (answers, the platform's read of object 666, acknowledgements, retransmissions) belongs
 * to the device that address last identified. Not thread-safe: the journal calls it under its lock.
 */
final class Attribution {

    /** IMEIs and the 15-17 digit tmlIMEI a CMDMP endpoint may carry instead; device pages take these. */
    static final Pattern IMEI = Pattern.compile("\\d{1,17}");
    private static final Pattern DM_IMEI = Pattern.compile("\\d{15,17}");
    private static final String HEADER_END = "\r\n\r\n";

    private final UdpDataParser coap = new UdpDataParser();
    private final Map<InetSocketAddress, String> peers;
    private final Map<String, String> locations;
    private final Map<String, String> registers;

    /** @param remembered how many addresses, registration locations and Registers in flight it remembers */
    Attribution(int remembered) {
        peers = lru(remembered);
        locations = lru(remembered);
        registers = lru(remembered);
    }

    /** The device of a datagram a UDP listener received from, or sent to, {@code peer}. */
    Optional<String> datagram(InetSocketAddress peer, boolean received, byte[] payload) {
        Message message;
        try {
            message = coap.parseMessage(payload);
        } catch (MessageFormatException | IllegalArgumentException notCoap) {
            return Optional.ofNullable(peers.get(peer));
        }
        if (received && message instanceof Request request) {
            return request(peer, request);
        }
        if (!received && message instanceof Response response && response.getCode() == CoAP.ResponseCode.CREATED) {
            String imei = registers.remove(peer + "#" + response.getTokenString());
            List<String> location = response.getOptions().getLocationPath();
            if (imei != null && !location.isEmpty()) {
                locations.put(String.join("/", location), imei);
            }
        }
        return Optional.ofNullable(peers.get(peer));
    }

    /** The device of an HTTP exchange: the IMEI its request's report names. */
    Optional<String> http(byte[] request) {
        String text = new String(request, StandardCharsets.ISO_8859_1);
        int end = text.indexOf(HEADER_END);
        return end < 0 ? Optional.empty() : reportImei(text.substring(end + HEADER_END.length()));
    }

    private Optional<String> request(InetSocketAddress peer, Request request) {
        List<String> path = request.getOptions().getUriPath();
        Optional<String> imei = Optional.empty();
        boolean identifies = false;
        if (request.getCode() == CoAP.Code.POST && path.equals(List.of(DmRegister.PATH))) {
            Optional<String> endpoint = request.getOptions().getUriQuery().stream().map(UriQueryOption::parse)
                    .filter(q -> q.key().equals(DmRegister.ENDPOINT_KEY)).map(UriQueryOption::value).findFirst();
            if (endpoint.isPresent()) {
                identifies = true;
                imei = endpointImei(endpoint.get());
                imei.ifPresent(i -> registers.put(peer + "#" + request.getTokenString(), i));
            }
        } else if ((request.getCode() == CoAP.Code.POST || request.getCode() == CoAP.Code.DELETE) && path.size() == 2
                && path.get(0).equals(DmRegister.PATH)) {
            imei = Optional.ofNullable(locations.get(String.join("/", path)));
            identifies = imei.isPresent();
        } else if (request.getCode() == CoAP.Code.POST && request.getPayloadSize() > 0) {
            imei = reportImei(new String(request.getPayload(), StandardCharsets.ISO_8859_1));
            identifies = imei.isPresent();
        }
        if (!identifies) {
            return Optional.ofNullable(peers.get(peer));
        }
        imei.ifPresentOrElse(i -> peers.put(peer, i), () -> peers.remove(peer));
        return imei;
    }

    /** The IMEI a DM 2.0 endpoint name carries in the clear, its fourth field; none for a plain LwM2M name. */
    private static Optional<String> endpointImei(String endpoint) {
        String[] fields = endpoint.split(DmEndpointName.SEPARATOR, -1);
        return fields.length >= 4 && DM_IMEI.matcher(fields[3]).matches() ? Optional.of(fields[3]) : Optional.empty();
    }

    /** The IMEI a ZZHC report names, read as leniently as the checks read it. */
    private static Optional<String> reportImei(String body) {
        String imei = new CtReport("attribution", Instant.EPOCH, "coap", body, "").imei();
        return imei != null && IMEI.matcher(imei).matches() ? Optional.of(imei) : Optional.empty();
    }

    private static <K> Map<K, String> lru(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, String> eldest) {
                return size() > capacity;
            }
        };
    }
}
