package dev.selfreg.module.dm;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.config.Configuration;

/**
 * A DM platform that answers as a test scripts it, for what a well-behaved LwM2M server does
 * not answer on cue: an Eclipse Californium {@link CoapServer} on 127.0.0.1 with {@code /rd}
 * (a Register: 2.01 with Location-Path {@code rd/x7}, or the scripted error) and
 * {@code /rd/x7} (an Update: 2.04 or the scripted error). Records every request it handled,
 * options and payload as they came.
 */
final class ScriptedDmPlatform implements AutoCloseable {

    /** The registration id it hands out. */
    static final String REGISTRATION_ID = "x7";

    /** One request as the platform saw it. */
    record Received(Code code, List<String> path, List<String> query, int contentFormat, String payload) {
    }

    private final CoapServer server;
    private final CoapEndpoint endpoint;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile ResponseCode registerAnswer = ResponseCode.CREATED;
    private volatile ResponseCode updateAnswer = ResponseCode.CHANGED;

    ScriptedDmPlatform() {
        Configuration config = Configuration.createStandardWithoutFile();
        server = new CoapServer(config);
        endpoint = new CoapEndpoint.Builder().setConfiguration(config)
                .setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0)).build();
        server.addEndpoint(endpoint);
        CoapResource rd = new CoapResource("rd") {
            @Override
            public void handlePOST(CoapExchange exchange) {
                record(exchange);
                if (registerAnswer == ResponseCode.CREATED) {
                    exchange.setLocationPath("rd/" + REGISTRATION_ID);
                }
                exchange.respond(registerAnswer);
            }
        };
        rd.add(new CoapResource(REGISTRATION_ID) {
            @Override
            public void handlePOST(CoapExchange exchange) {
                record(exchange);
                exchange.respond(updateAnswer);
            }
        });
        server.add(rd);
        server.start();
    }

    private void record(CoapExchange exchange) {
        Request request = exchange.advanced().getRequest();
        received.add(new Received(request.getCode(), request.getOptions().getUriPath(),
                request.getOptions().getUriQuery(), request.getOptions().getContentFormat(), request.getPayloadString()));
    }

    int port() {
        return endpoint.getAddress().getPort();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** From now on every Register is answered with {@code code}. */
    void answerRegistersWith(ResponseCode code) {
        registerAnswer = code;
    }

    /** From now on every Update is answered with {@code code}. */
    void answerUpdatesWith(ResponseCode code) {
        updateAnswer = code;
    }

    @Override
    public void close() {
        server.destroy();
    }
}
