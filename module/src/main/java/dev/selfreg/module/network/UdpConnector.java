package dev.selfreg.module.network;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link Connector} of one module by real UDP on loopback: a channel per lab service, opened at the first use, as
 * the BC260Y-CN opens one socket per server, and parked while the module's radio is in PSM. The channels are {@link UdpChannels}' (by default the process's, shared
 * with every other module): the module has no thread of its own.
 */
final class UdpConnector implements Connector {

    private final UdpChannels channels;
    private final LabNetwork lab;
    private final String name;
    private final Receiver receiver;
    private final Map<LabService, UdpChannels.Channel> open = new EnumMap<>(LabService.class);
    private volatile boolean closed;

    /**
     * A connector on the process's shared channels.
     *
     * @param lab      where each service's endpoint is
     * @param name     names the module in the wire tap's view (e.g. its IMEI)
     * @param receiver gets what arrives, on the channels' receiving thread
     */
    UdpConnector(LabNetwork lab, String name, Receiver receiver) {
        this(UdpChannels.shared(), lab, name, receiver);
    }

    UdpConnector(UdpChannels channels, LabNetwork lab, String name, Receiver receiver) {
        this.channels = channels;
        this.lab = lab;
        this.name = name;
        this.receiver = receiver;
    }

    @Override
    public synchronized void open(LabService service) throws IOException {
        Optional<InetSocketAddress> endpoint = lab.endpoint(service);
        if (endpoint.isPresent()) {
            channel(service, endpoint.get());
        }
    }

    @Override
    public synchronized void send(LabService service, byte[] datagram) throws IOException {
        InetSocketAddress endpoint = lab.endpoint(service)
                .orElseThrow(() -> new IOException("the lab network has no " + service.label() + " endpoint"));
        UdpChannels.Channel channel = channel(service, endpoint);
        lab.tap().datagram(name, service, channel.local(), endpoint, false, datagram);
        channel.send(datagram);
    }

    private UdpChannels.Channel channel(LabService service, InetSocketAddress endpoint) throws IOException {
        if (closed) {
            throw new IOException("the module's network is closed");
        }
        UdpChannels.Channel channel = open.get(service);
        if (channel == null) {
            Arrivals arrivals = new Arrivals(service, endpoint);
            channel = channels.open(endpoint, arrivals);
            arrivals.channel = channel;
            open.put(service, channel);
        } else {
            channel.wake();
        }
        return channel;
    }

    @Override
    public synchronized void park() {
        open.values().forEach(UdpChannels.Channel::park);
    }

    @Override
    public synchronized void close() {
        closed = true;
        open.values().forEach(UdpChannels.Channel::close);
        open.clear();
    }

    /** What arrives on one service's channel, shown to the tap and handed to the receiver as that service's. */
    private final class Arrivals implements UdpChannels.Listener {
        private final LabService service;
        private final InetSocketAddress endpoint;
        /** The channel, known once it is open (before anything is sent, so before any arrival). */
        private volatile UdpChannels.Channel channel;

        Arrivals(LabService service, InetSocketAddress endpoint) {
            this.service = service;
            this.endpoint = endpoint;
        }

        @Override
        public void datagram(byte[] bytes) {
            if (!closed) {
                lab.tap().datagram(name, service, channel.local(), endpoint, true, bytes);
                receiver.datagram(service, bytes);
            }
        }

        @Override
        public void unreachable() {
            if (!closed) {
                receiver.unreachable(service);
            }
        }
    }
}
