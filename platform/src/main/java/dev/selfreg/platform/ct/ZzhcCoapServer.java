package dev.selfreg.platform.ct;

import dev.selfreg.capture.record.WireRecorder;
import dev.selfreg.platform.core.CoapEndpointSettings;
import dev.selfreg.platform.core.CoapIntake;
import dev.selfreg.platform.core.PlatformMetrics;
import dev.selfreg.platform.core.StoreRefusal;
import dev.selfreg.protocol.zzhc.ZzhcTransport;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.network.serialization.UdpDataSerializer;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.core.server.resources.Resource;
import org.eclipse.californium.elements.UDPConnector;
import org.eclipse.californium.elements.config.Configuration;

/**
 * The ZZHC service over CoAP (Eclipse Californium): CON POST on {@code /nb}, and on {@code /}
 * for firmware that posts without a path, with or without Content-Format. Californium's
 * deduplication ({@link CoapEndpointSettings}) answers a retransmitted request from its cache, so a report is
 * stored once.
 * Datagrams that are not CoAP are dropped, counted and logged ({@code CountingUdpParser}). Its intake is bounded
 * ({@link CoapIntake}), and so is the store's queue behind it: offered more than it commits, it answers the excess
 * 5.03 with a Max-Age instead of queuing it.
 */
public final class ZzhcCoapServer implements AutoCloseable {

    private final CoapServer server;
    private final CoapEndpoint endpoint;

    private ZzhcCoapServer(CoapServer server, CoapEndpoint endpoint) {
        this.server = server;
        this.endpoint = endpoint;
    }

    /** Serves {@code service} on {@code bind}:{@code port} (0 picks a free port). */
    public static ZzhcCoapServer start(ZzhcService service, PlatformMetrics metrics, String bind, int port) {
        return start(service, metrics, bind, port, WireRecorder.none());
    }

    /** The same, with every datagram written to {@code wire} as listener {@code ct-coap}. */
    public static ZzhcCoapServer start(ZzhcService service, PlatformMetrics metrics, String bind, int port,
            WireRecorder wire) {
        return start(service, metrics, bind, port, wire, CoapIntake.MAX_WAIT);
    }

    /** The same, a request shed once it waited longer than {@code queueWait} for a protocol thread. */
    public static ZzhcCoapServer start(ZzhcService service, PlatformMetrics metrics, String bind, int port,
            WireRecorder wire, Duration queueWait) {
        Configuration config = CoapEndpointSettings.standard()
                .set(CoapConfig.MAX_RESOURCE_BODY_SIZE, ZzhcService.MAX_BODY_BYTES);
        ReportResource report = new ReportResource("nb", service);
        ReportResource root = new ReportResource("", service);
        root.add(report);
        CoapServer server = new CoapServer(config) {
            @Override
            protected Resource createRoot() {
                return root;
            }
        };
        CoapIntake intake = new CoapIntake("ct-coap", service.shedding(), metrics, queueWait);
        CoapEndpoint endpoint = new CoapEndpoint.Builder()
                .setConfiguration(config)
                .setConnector(intake.gate(wire.udp("ct-coap",
                        new UDPConnector(new InetSocketAddress(bind, port), config))))
                .setDataSerializerAndParser(new UdpDataSerializer(), intake.parser(metrics, "ct"))
                .build();
        server.addEndpoint(endpoint);
        server.setMessageDeliverer(intake.around(server.getMessageDeliverer()));
        server.start();
        return new ZzhcCoapServer(server, endpoint);
    }

    public int port() {
        return endpoint.getAddress().getPort();
    }

    @Override
    public void close() {
        server.destroy();
    }

    /** 5.03 with a Max-Age while the store cannot commit (RFC 7252 section 5.9.3.4: retry after it), else 5.00. */
    private static Response refused(StoreRefusal refusal) {
        Response response = new Response(refusal.unavailable() ? ResponseCode.SERVICE_UNAVAILABLE
                : ResponseCode.INTERNAL_SERVER_ERROR);
        response.setPayload("report not stored: " + refusal.reason());
        response.getOptions().setContentFormat(MediaTypeRegistry.TEXT_PLAIN);
        if (refusal.unavailable()) {
            response.getOptions().setMaxAge(StoreRefusal.RETRY_AFTER.toSeconds());
        }
        return response;
    }

    /** POST a report, get the reply. */
    private static final class ReportResource extends CoapResource {
        private final ZzhcService service;

        ReportResource(String name, ZzhcService service) {
            super(name);
            this.service = service;
        }

        /** Answers once the record is committed; the answer is piggybacked on the ACK when in time. */
        @Override
        public void handlePOST(CoapExchange exchange) {
            InetSocketAddress source = exchange.advanced().getRequest().getSourceContext().getPeerAddress();
            service.handle(exchange.getRequestPayload(), ZzhcTransport.COAP, source.getAddress().getHostAddress() + ":" + source.getPort())
                    .whenComplete((reply, failure) -> {
                        if (failure != null) {
                            exchange.respond(refused(StoreRefusal.of(failure)));
                        } else {
                            exchange.respond(ResponseCode.CONTENT, reply.encode(), MediaTypeRegistry.APPLICATION_JSON);
                        }
                    });
        }
    }
}
