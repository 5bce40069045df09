package dev.selfreg.module.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The UDP connector alone, over real channels on loopback, with no CoAP above it: datagrams to a
 * service's endpoint, what comes back from it and from nobody else, a refusing endpoint, a
 * closed connector, and many modules on the channels of one selector, each hearing its own.
 */
class UdpConnectorTest {

    private static final Duration WAIT = Duration.ofSeconds(2);

    private final List<String> received = new CopyOnWriteArrayList<>();
    private final Connector.Receiver receiver = hearing(received);
    private DatagramSocket peer;
    private RefusingPort refusing;
    private UdpConnector connector;
    private final UdpChannels channels = UdpChannels.open("udp-test");

    @AfterEach
    void close() {
        if (connector != null) {
            connector.close();
        }
        if (peer != null) {
            peer.close();
        }
        if (refusing != null) {
            refusing.close();
        }
        channels.close();
    }

    private UdpConnector connectorTo(LabService service, InetSocketAddress endpoint) {
        connector = new UdpConnector(channels, LabNetwork.isolated().withEndpoint(service, endpoint), "test", receiver);
        return connector;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** A connector whose {@code service} is a peer on loopback, and the "ping" the peer received from it. */
    private DatagramPacket pingThePeerAs(LabService service) throws IOException {
        peer = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        peer.setSoTimeout((int) WAIT.toMillis());
        connectorTo(service, (InetSocketAddress) peer.getLocalSocketAddress());
        connector.send(service, ascii("ping"));
        DatagramPacket packet = new DatagramPacket(new byte[64], 64);
        peer.receive(packet);
        return packet;
    }

    @Test
    void aDatagramReachesTheServicesEndpointAndItsAnswerComesBackAsThatServices() throws Exception {
        DatagramPacket ping = pingThePeerAs(LabService.DM);
        peer.send(new DatagramPacket(ascii("pong"), 4, ping.getSocketAddress()));

        assertThat(new String(ping.getData(), 0, ping.getLength(), StandardCharsets.US_ASCII)).isEqualTo("ping");
        await().atMost(WAIT).untilAsserted(() -> assertThat(received).containsExactly("dm: pong"));
    }

    @Test
    void onlyTheEndpointIsHeardFrom() throws Exception {
        DatagramPacket ping = pingThePeerAs(LabService.CT);

        try (DatagramSocket stranger = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            stranger.send(new DatagramPacket(ascii("intruder"), 8, ping.getSocketAddress()));
        }
        peer.send(new DatagramPacket(ascii("pong"), 4, ping.getSocketAddress()));

        await().atMost(WAIT).untilAsserted(() -> assertThat(received).contains("ct: pong"));
        assertThat(received).containsExactly("ct: pong");
    }

    @Test
    void anEndpointWhereNobodyTakesTheDatagramsIsReportedUnreachable() throws Exception {
        refusing = new RefusingPort();
        connectorTo(LabService.CT, refusing.address());

        connector.send(LabService.CT, ascii("anyone?"));

        await().atMost(WAIT).untilAsserted(() -> assertThat(received).containsExactly("ct unreachable"));
    }

    @Test
    void aServiceWithoutAnEndpointOpensNothingAndCannotBeSentTo() throws Exception {
        refusing = new RefusingPort();
        connectorTo(LabService.CT, refusing.address());

        connector.open(LabService.DM);

        assertThatThrownBy(() -> connector.send(LabService.DM, ascii("ping")))
                .isInstanceOf(IOException.class).hasMessageContaining("no dm endpoint");
    }

    @Test
    void aClosedConnectorNeitherOpensNorSends() throws Exception {
        refusing = new RefusingPort();
        connectorTo(LabService.CT, refusing.address());

        connector.close();

        assertThatThrownBy(() -> connector.open(LabService.CT)).isInstanceOf(IOException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> connector.send(LabService.CT, ascii("ping"))).isInstanceOf(IOException.class);
    }

    @Test
    void eachModuleOnTheSharedChannelsHearsOnlyWhatIsSentToIt() throws Exception {
        peer = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        peer.setSoTimeout((int) WAIT.toMillis());
        LabNetwork lab = LabNetwork.isolated().withEndpoint(LabService.DM, (InetSocketAddress) peer.getLocalSocketAddress());
        List<String> heardByA = new CopyOnWriteArrayList<>();
        List<String> heardByB = new CopyOnWriteArrayList<>();
        try (UdpConnector a = new UdpConnector(channels, lab, "a", hearing(heardByA));
             UdpConnector b = new UdpConnector(channels, lab, "b", hearing(heardByB))) {
            a.send(LabService.DM, ascii("from a"));
            b.send(LabService.DM, ascii("from b"));
            for (int i = 0; i < 2; i++) {
                DatagramPacket packet = new DatagramPacket(new byte[64], 64);
                peer.receive(packet);
                String answer = "to " + new String(packet.getData(), 5, 1, StandardCharsets.US_ASCII);
                peer.send(new DatagramPacket(ascii(answer), answer.length(), packet.getSocketAddress()));
            }

            await().atMost(WAIT).untilAsserted(() -> assertThat(heardByA.size() + heardByB.size()).isEqualTo(2));
            assertThat(heardByA).containsExactly("dm: to a");
            assertThat(heardByB).containsExactly("dm: to b");
        }
    }

    @Test
    void modulesOnTheSharedChannelsCostNoThreadEach() throws Exception {
        refusing = new RefusingPort();
        LabNetwork lab = LabNetwork.isolated().withEndpoint(LabService.CT, refusing.address());
        int threads = Thread.activeCount();
        List<UdpConnector> modules = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                UdpConnector module = new UdpConnector(channels, lab, "m" + i, receiver);
                modules.add(module);
                module.open(LabService.CT);
            }

            assertThat(Thread.activeCount()).isLessThanOrEqualTo(threads);
        } finally {
            modules.forEach(UdpConnector::close);
        }
    }

    @Test
    void aParkedModuleHoldsNoSocketAndItsNextDatagramLeavesFromTheSameAddressAndPort() throws Exception {
        DatagramPacket first = pingThePeerAs(LabService.DM);

        connector.park();
        assertThat(channels.bound()).isZero();
        connector.send(LabService.DM, ascii("awake"));
        DatagramPacket second = new DatagramPacket(new byte[64], 64);
        peer.receive(second);

        assertThat(second.getSocketAddress()).isEqualTo(first.getSocketAddress());
        assertThat(channels.bound()).isEqualTo(1);
    }

    @Test
    void whatArrivesWhileTheModuleIsParkedFindsNoSocketAndWhatArrivesOnceItSentAgainIsHeard() throws Exception {
        DatagramPacket ping = pingThePeerAs(LabService.DM);

        connector.park();
        peer.send(new DatagramPacket(ascii("asleep"), 6, ping.getSocketAddress()));
        connector.send(LabService.DM, ascii("awake"));
        peer.receive(new DatagramPacket(new byte[64], 64));
        peer.send(new DatagramPacket(ascii("welcome"), 7, ping.getSocketAddress()));

        await().atMost(WAIT).untilAsserted(() -> assertThat(received).contains("dm: welcome"));
        assertThat(received).containsExactly("dm: welcome");
    }

    @Test
    void parkedModulesHoldNoDescriptorsAndKeepAddressesOfTheirOwn() throws Exception {
        refusing = new RefusingPort();
        LabNetwork lab = LabNetwork.isolated().withEndpoint(LabService.CT, refusing.address());
        List<UdpConnector> modules = new java.util.ArrayList<>();
        java.util.Set<InetSocketAddress> addresses = new java.util.HashSet<>();
        try {
            for (int i = 0; i < 50; i++) {
                UdpConnector module = new UdpConnector(channels, lab, "m" + i, receiver);
                modules.add(module);
                module.open(LabService.CT);
                module.park();
            }
            assertThat(channels.bound()).isZero();
            for (UdpConnector module : modules) {
                module.open(LabService.CT);
            }

            assertThat(channels.bound()).isEqualTo(50);
            assertThat(channels.refused()).isZero();
        } finally {
            modules.forEach(UdpConnector::close);
        }
        assertThat(channels.bound()).isZero();
    }

    @Test
    void closingTheChannelsStopsTheirThreadAndEveryModulesConnector() throws Exception {
        DatagramPacket ping = pingThePeerAs(LabService.CT);

        channels.close();
        peer.send(new DatagramPacket(ascii("late"), 4, ping.getSocketAddress()));

        await().atMost(WAIT).until(() -> !channels.receiving());
        assertThatThrownBy(() -> new UdpConnector(channels, LabNetwork.isolated()
                .withEndpoint(LabService.CT, (InetSocketAddress) peer.getLocalSocketAddress()), "other", receiver)
                .send(LabService.CT, ascii("ping"))).isInstanceOf(IOException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> connector.send(LabService.CT, ascii("again"))).isInstanceOf(IOException.class);
        assertThat(received).isEmpty();
    }

    @Test
    void theSharedChannelsOpenNothingTowardsAnAddressOffLoopback() {
        assertThatThrownBy(() -> channels.open(new InetSocketAddress("117.161.2.41", 5683), new UdpChannels.Listener() {
            @Override
            public void datagram(byte[] bytes) {
            }

            @Override
            public void unreachable() {
            }
        })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("network safety");
    }

    private static Connector.Receiver hearing(List<String> heard) {
        return new Connector.Receiver() {
            @Override
            public void datagram(LabService service, byte[] bytes) {
                heard.add(service.label() + ": " + new String(bytes, StandardCharsets.US_ASCII));
            }

            @Override
            public void unreachable(LabService service) {
                heard.add(service.label() + " unreachable");
            }
        };
    }
}
