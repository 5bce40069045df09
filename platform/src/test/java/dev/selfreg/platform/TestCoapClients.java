package dev.selfreg.platform;

import java.net.InetSocketAddress;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;

/**
 * Californium clients for tests, each on its own loopback endpoint with an in-memory
 * configuration (Californium's default endpoint would write a properties file into the
 * working directory).
 */
public final class TestCoapClients {

    static {
        CoapConfig.register();
        UdpConfig.register();
    }

    private TestCoapClients() {
    }

    public static CoapClient client(String uri) {
        CoapClient client = new CoapClient(uri);
        client.setEndpoint(new CoapEndpoint.Builder().setConfiguration(Configuration.createStandardWithoutFile())
                .setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0)).build());
        return client;
    }
}
