package dev.selfreg.platform.dm;

import dev.selfreg.platform.core.CoapIntake;
import dev.selfreg.platform.core.PlatformMetrics;
import dev.selfreg.platform.core.PlatformTime;
import dev.selfreg.platform.store.StoreException;
import dev.selfreg.protocol.cmdmp.DmRegister;
import dev.selfreg.protocol.cmdmp.UriQueryOption;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.Exchange;
import org.eclipse.californium.core.network.serialization.DataParser;
import org.eclipse.californium.core.server.MessageDeliverer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts each message delivered to the DM service in {@link PlatformMetrics} (service {@code dm}) once, and times
 * its handling, at the CoAP layer of the Leshan server, so that what Leshan answers on its own is counted too:
 * <ul>
 *   <li>a Register, Update or Deregister that reached the checks is counted by {@link DmRegistrationReceiver}
 *       through {@link #count}, with its outcome and reason, before the answer leaves;</li>
 *   <li>any other request is counted by the code Leshan or Californium answered ({@code rejected}, reason
 *       {@code coap 4.04}); one on the registration interface {@code /rd} is also recorded as a rejection event,
 *       after the answer, since Leshan answered it on its own (unparsable links, no endpoint name...);</li>
 *   <li>a Register or Update with an unreadable {@code lt} or {@code b} is counted by {@link DmQueryCheck}, which
 *       answers it before Leshan sees it;</li>
 *   <li>a datagram that is not CoAP is dropped by Californium and counted {@code dropped}.</li>
 * </ul>
 * It wraps the CoAP server's message deliverer, which hands each request to Leshan's resources and returns once they
 * answered (they run on the delivering thread). What Californium answers below the resources is not a delivered
 * message and is not counted: a retransmission answered from the deduplication cache, a blockwise transfer's
 * intermediate blocks or its 4.13, a ping.
 *
 * <p>Each delivery is work under way on the {@link PlatformTime} until it is counted and recorded, as the rejection
 * event of a request Leshan answered on its own is recorded after the answer left.
 */
final class DmTrafficCounter {

    private static final Logger log = LoggerFactory.getLogger(DmTrafficCounter.class);
    private static final String SERVICE = "dm";

    private final PlatformMetrics metrics;
    private final DmRecorder recorder;
    private final DmApplications applications;
    private final PlatformTime time;
    /** The CoAP requests already counted, by identity. */
    private final Set<Object> counted = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    DmTrafficCounter(PlatformMetrics metrics, DmRecorder recorder, DmApplications applications, PlatformTime time) {
        this.metrics = metrics;
        this.recorder = recorder;
        this.applications = applications;
        this.time = time;
    }

    /** Counts the CoAP request {@code coapRequest} now; its delivery then adds only its handling time. */
    void count(Object coapRequest, String outcome, String reason) {
        metrics.count(SERVICE, outcome, reason);
        counted.add(coapRequest);
    }

    /** Californium's deliverer for the service's resources, counting and timing each request. */
    MessageDeliverer around(MessageDeliverer resources) {
        return new MessageDeliverer() {
            @Override
            public void deliverRequest(Exchange exchange) {
                long start = System.nanoTime();
                PlatformTime.Work work = time.begin("handling of a DM request");
                try {
                    resources.deliverRequest(exchange);
                } finally {
                    try {
                        countUnclaimed(exchange);
                        metrics.handled(SERVICE, Duration.ofNanos(System.nanoTime() - start));
                    } finally {
                        work.done();
                    }
                }
            }

            @Override
            public void deliverResponse(Exchange exchange, Response response) {
                resources.deliverResponse(exchange, response);
            }
        };
    }

    /** Californium's UDP parser, counting what it cannot parse, and taking each datagram from {@code intake}. */
    DataParser datagramParser(CoapIntake intake) {
        return intake.parser(metrics, SERVICE);
    }

    private void countUnclaimed(Exchange exchange) {
        Request request = exchange.getRequest();
        if (counted.remove(request)) {
            return;
        }
        Response response = exchange.getCurrentResponse();
        if (response == null) {
            metrics.count(SERVICE, "dropped", "no answer");
            return;
        }
        String code = response.getCode().codeClass + "." + String.format("%02d", response.getCode().codeDetail);
        metrics.count(SERVICE, response.isError() ? "rejected" : "answered", "coap " + code);
        List<String> path = request.getOptions().getUriPath();
        if (response.isError() && !path.isEmpty() && path.get(0).equals(DmRegister.PATH)) {
            String endpoint = request.getOptions().getUriQuery().stream().map(UriQueryOption::parse)
                    .filter(option -> option.key().equals(DmRegister.ENDPOINT_KEY)).map(UriQueryOption::value)
                    .map(applications::redact).findFirst().orElse("");
            // Leshan's diagnostic may quote the endpoint name, fields and all.
            String diagnostic = response.getPayloadSize() == 0 ? ""
                    : ": " + applications.redact(response.getPayloadString());
            try {
                recorder.refusedByLwm2mLayer(endpoint, request.getCode() + " /" + String.join("/", path)
                        + " answered " + code + " by the LwM2M layer" + diagnostic);
            } catch (StoreException e) {
                // The answer is gone already; the count above still tells.
                log.error("DM rejection event not stored: {}", e.getMessage());
            }
        }
    }
}
