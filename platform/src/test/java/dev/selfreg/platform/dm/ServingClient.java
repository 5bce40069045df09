package dev.selfreg.platform.dm;

import java.net.InetSocketAddress;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.network.CoapEndpoint;

/**
 * A Californium client on a loopback endpoint that also serves, with no resources: the DM service's read of
 * {@code /666/0} after an accepted Register gets a quick 4.04 instead of waiting for its timeout.
 */
final class ServingClient implements AutoCloseable {

    private final CoapServer device = new CoapServer();
    private final CoapClient client = new CoapClient();

    ServingClient() {
        CoapEndpoint endpoint = new CoapEndpoint.Builder()
                .setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0)).build();
        device.addEndpoint(endpoint);
        device.start();
        client.setEndpoint(endpoint);
        client.setTimeout(5000L);
    }

    /** The client, answered within 5 s or not at all. */
    CoapClient client() {
        return client;
    }

    @Override
    public void close() {
        client.shutdown();
        device.destroy();
    }
}
