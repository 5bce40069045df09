package dev.selfreg.platform.dm;

import dev.selfreg.platform.Libcoap;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One CoAP exchange with the DM service through libcoap's {@code coap-client}, an independent CoAP implementation.
 *
 * <p>Query options are given with {@code -O 15,<option>} (15 is Uri-Query), never in the URI: coap-client would end
 * the query at the {@code #} of {@code @#@} and drop a percent-encoded option, while {@code -O} sends the bytes raw,
 * as a module does. The answer is read from coap-client's debug print of the response PDU ({@code -v 7}).
 */
final class DmCoapClient {

    /** The printed response PDU: {@code v:1 t:ACK c:2.01 i:e8ce {01} [ Location-Path:rd, ... ] :: 'payload'}. */
    private static final Pattern RESPONSE = Pattern.compile("(?m)^v:1 t:\\w+ c:(\\d\\.\\d\\d) [^\\n]*$");
    private static final Pattern LOCATION = Pattern.compile("Location-Path:([^,\\] ]+)");
    private static final Pattern PAYLOAD = Pattern.compile(" :: '(.*)'$");

    private DmCoapClient() {
    }

    /**
     * The service's answer.
     *
     * @param code {@code 2.01}, {@code 4.03}...
     * @param location the Location-Path options joined with {@code /}, empty when none
     * @param payload the diagnostic payload, empty when none
     */
    record Answer(String code, String location, String payload) {
    }

    /** A Register as the module sends it, with the spec's object links. */
    static Answer register(DmLab lab, String endpoint, long lifetime) throws Exception {
        return exchange("post", lab.uri("/rd"), DmLab.OBJECT_LINKS,
                "ep=" + endpoint, "lt=" + lifetime, "lwm2m=1.0", "b=U");
    }

    /** An Update to {@code location} ({@code rd/<id>}) with these query options and no payload. */
    static Answer update(DmLab lab, String location, String... query) throws Exception {
        return exchange("post", lab.uri("/" + location), null, query);
    }

    /** A Deregister of {@code location}. */
    static Answer deregister(DmLab lab, String location) throws Exception {
        return exchange("delete", lab.uri("/" + location), null);
    }

    /** Any request; {@code payload} (sent as link-format) may be null. */
    static Answer exchange(String method, String uri, String payload, String... query) throws Exception {
        List<String> args = new ArrayList<>(List.of("-v", "7", "-B", "5", "-m", method));
        if (payload != null) {
            args.addAll(List.of("-t", "40", "-e", payload));
        }
        for (String option : query) {
            args.addAll(List.of("-O", "15," + option));
        }
        args.add(uri);
        Libcoap.Run run = Libcoap.run(args.toArray(String[]::new));
        Matcher response = RESPONSE.matcher(run.output());
        if (!response.find()) {
            throw new AssertionError("coap-client got no response:\n" + run.output());
        }
        String pdu = response.group();
        List<String> location = new ArrayList<>();
        Matcher segment = LOCATION.matcher(pdu);
        while (segment.find()) {
            location.add(segment.group(1));
        }
        Matcher payloadText = PAYLOAD.matcher(pdu);
        return new Answer(response.group(1), String.join("/", location),
                payloadText.find() ? payloadText.group(1) : "");
    }
}
