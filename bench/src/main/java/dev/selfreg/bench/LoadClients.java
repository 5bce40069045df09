package dev.selfreg.bench;

import dev.selfreg.platform.core.CoapEndpointSettings;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.Resource;
import org.eclipse.californium.elements.config.Configuration;

/**
 * The load generator's CoAP endpoints: many modules, not one. Each is bound once, on its own loopback port, and
 * kept for the whole run. Given resources, the endpoints also serve them, as a module answers the platform's reads.
 *
 * <p>Why not one client per round: CoAP allows one endpoint 65,536 message IDs per exchange lifetime (about four
 * minutes), and a server deduplicates by source address and message ID for that long. A single fast client wraps
 * its IDs within seconds, and a fresh client per round may get a port an earlier round used; either way the server
 * takes new requests for retransmissions of old ones and the round stalls on timeouts. Spreading the load over
 * endpoints that live all run, each sending far fewer than 65,536 messages, keeps every request new.
 */
final class LoadClients implements AutoCloseable {

    /** Endpoints; request (or device) {@code i} always uses endpoint {@code i % ENDPOINTS}. */
    static final int ENDPOINTS = 16;
    /** A request budget per endpoint and server, safely below the 65,536 message IDs. */
    private static final int MESSAGES_PER_ENDPOINT = 60_000;

    private final List<CoapClient> clients = new ArrayList<>();
    private final CoapServer served;

    /** Endpoints that only send. */
    LoadClients() {
        this(List.of());
    }

    /** Endpoints that send, and answer requests for {@code resources}. */
    LoadClients(List<Resource> resources) {
        // no message-ID tracking on the load side: the budget check below keeps the IDs unique instead
        Configuration config = CoapEndpointSettings.standard()
                .set(CoapConfig.MID_TRACKER, CoapConfig.TrackerMode.NULL);
        served = resources.isEmpty() ? null : new CoapServer(config);
        List<CoapEndpoint> endpoints = new ArrayList<>();
        for (int i = 0; i < ENDPOINTS; i++) {
            endpoints.add(new CoapEndpoint.Builder().setConfiguration(config)
                    .setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0)).build());
        }
        if (served != null) {
            // the server gives its endpoints their executors: they are started by it, before any client uses them
            endpoints.forEach(served::addEndpoint);
            resources.forEach(served::add);
            served.start();
        }
        for (CoapEndpoint endpoint : endpoints) {
            CoapClient client = new CoapClient();
            client.setEndpoint(endpoint);
            clients.add(client);
        }
    }

    /** The client of request (or device) {@code i}. */
    CoapClient client(int i) {
        return clients.get(i % ENDPOINTS);
    }

    /**
     * Refuses a run that would send one server more messages from one endpoint than it has fresh message IDs.
     *
     * @param perServer the messages each server is sent over the whole run
     */
    static void checkBudget(long perServer) {
        if (perServer / ENDPOINTS >= MESSAGES_PER_ENDPOINT) {
            throw new IllegalArgumentException(perServer + " messages per server would reuse message IDs on "
                    + ENDPOINTS + " endpoints");
        }
    }

    @Override
    public void close() {
        clients.forEach(CoapClient::shutdown);
        if (served != null) {
            served.destroy();
        }
    }
}
