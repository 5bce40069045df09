package dev.selfreg.module.network;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link Connector} of one module by real UDP on loopback: a {@link UdpLink} (a socket
 * and its receiving thread) per lab service, opened at the first use, as the BC260Y-CN opens
 * one socket per server.
 */
final class UdpConnector implements Connector {

    private final LabNetwork lab;
    private final String name;
    private final Receiver receiver;
    private final Map<LabService, UdpLink> links = new EnumMap<>(LabService.class);
    private boolean closed;

    /**
     * @param lab      where each service's endpoint is
     * @param name     names the receiving threads (e.g. the module's IMEI)
     * @param receiver gets what arrives, on the receiving threads
     */
    UdpConnector(LabNetwork lab, String name, Receiver receiver) {
        this.lab = lab;
        this.name = name;
        this.receiver = receiver;
    }

    @Override
    public synchronized void open(LabService service) throws IOException {
        Optional<InetSocketAddress> endpoint = lab.endpoint(service);
        if (endpoint.isPresent()) {
            link(service, endpoint.get());
        }
    }

    @Override
    public synchronized void send(LabService service, byte[] datagram) throws IOException {
        InetSocketAddress endpoint = lab.endpoint(service)
                .orElseThrow(() -> new IOException("the lab network has no " + service.label() + " endpoint"));
        link(service, endpoint).send(datagram);
    }

    private UdpLink link(LabService service, InetSocketAddress endpoint) throws IOException {
        if (closed) {
            throw new IOException("the module's network is closed");
        }
        UdpLink link = links.get(service);
        if (link == null) {
            link = new UdpLink(endpoint, "udp-" + name + "-" + service.label(), new UdpLink.Listener() {
                @Override
                public void datagram(byte[] bytes) {
                    receiver.datagram(service, bytes);
                }

                @Override
                public void onWire(InetSocketAddress local, boolean received, byte[] bytes) {
                    lab.tap().datagram(name, service, local, endpoint, received, bytes);
                }

                @Override
                public void unreachable() {
                    receiver.unreachable(service);
                }
            });
            links.put(service, link);
        }
        return link;
    }

    @Override
    public synchronized void close() {
        closed = true;
        links.values().forEach(UdpLink::close);
        links.clear();
    }
}
