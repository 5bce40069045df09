package dev.selfreg.module.ct;

import dev.selfreg.protocol.zzhc.ZzhcReply;
import dev.selfreg.protocol.zzhc.ZzhcReport;
import dev.selfreg.protocol.zzhc.ZzhcVerdict;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.config.Configuration;

/**
 * The China Telecom side of a lab platform, as small as a test needs: an Eclipse Californium
 * {@link CoapServer} on 127.0.0.1 with {@code /nb}, decoding each report with the protocol's
 * {@link ZzhcReport#decode} and answering its {@link ZzhcVerdict#reply()}, unless told to answer
 * something else. Records every request it handled.
 */
public final class LabCtPlatform implements AutoCloseable {

    /** One request as the platform saw it. */
    public record Received(String path, int contentFormat, ZzhcVerdict verdict) {
        /** The accepted report; fails the test when the platform rejected it. */
        public ZzhcReport report() {
            return ((ZzhcVerdict.Accepted) verdict).report();
        }
    }

    private final CoapServer server;
    private final CoapEndpoint endpoint;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile ResponseCode failWith;
    private volatile ZzhcReply replyWith;

    public LabCtPlatform() {
        Configuration config = Configuration.createStandardWithoutFile();
        server = new CoapServer(config);
        endpoint = new CoapEndpoint.Builder().setConfiguration(config)
                .setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0)).build();
        server.addEndpoint(endpoint);
        server.add(new CoapResource("nb") {
            @Override
            public void handlePOST(CoapExchange exchange) {
                ZzhcVerdict verdict = ZzhcReport.decode(exchange.getRequestPayload());
                received.add(new Received(exchange.getRequestOptions().getUriPathString(),
                        exchange.getRequestOptions().getContentFormat(), verdict));
                if (failWith != null) {
                    exchange.respond(failWith);
                    return;
                }
                ZzhcReply reply = replyWith != null ? replyWith : verdict.reply();
                exchange.respond(ResponseCode.CONTENT, reply.encode(), MediaTypeRegistry.APPLICATION_JSON);
            }
        });
        server.start();
    }

    public int port() {
        return endpoint.getAddress().getPort();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** From now on every report is answered with this CoAP error code. */
    public void failWith(ResponseCode code) {
        failWith = code;
    }

    /** From now on every report is answered with this reply instead of the verdict's. */
    public void replyWith(ZzhcReply reply) {
        replyWith = reply;
    }

    @Override
    public void close() {
        server.destroy();
    }
}
