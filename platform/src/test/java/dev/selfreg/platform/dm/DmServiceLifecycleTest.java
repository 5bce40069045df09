package dev.selfreg.platform.dm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

import dev.selfreg.platform.core.PlatformMetrics;
import dev.selfreg.platform.core.PlatformRecords;
import dev.selfreg.platform.core.PlatformTime;
import dev.selfreg.platform.store.JdbcPlatformStore;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DmServiceLifecycleTest {

    @Test
    void closingReleasesThePortAndEveryThreadTheServiceStarted() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        DmLab lab = new DmLab();
        int port = lab.service.port();
        // Work every part: a Register, its read of /666/0 given up, an Update.
        String location = DmCoapClient.register(lab, DmLab.ENDPOINT, 300).location();
        await().atMost(Duration.ofSeconds(10)).until(() -> !lab.events("read").isEmpty());
        assertThat(DmCoapClient.update(lab, location, "epi=" + DmLab.EPI).code()).isEqualTo("2.04");

        lab.close();

        try (DatagramSocket rebound = new DatagramSocket(new InetSocketAddress("127.0.0.1", port))) {
            assertThat(rebound.getLocalPort()).isEqualTo(port);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet())
                .filteredOn(thread -> !before.contains(thread))
                // Awaitility polls from a thread of its own; the JDK reaps coap-client processes with another.
                .filteredOn(thread -> !thread.getName().startsWith("awaitility"))
                .filteredOn(thread -> !thread.getName().equals("process reaper"))
                // The store completes commits on the JVM's common pool, which is nobody's to stop.
                .filteredOn(thread -> !thread.getName().startsWith("ForkJoinPool.commonPool-worker"))
                .isEmpty());
    }

    @Test
    void portZeroPicksAFreePortOnTheGivenAddressOnly() throws Exception {
        try (DmLab lab = new DmLab()) {
            assertThat(lab.service.port()).isPositive();
            assertThat(answersPing("127.0.0.1", lab.service.port())).isTrue();
            // Another loopback address reaches the same host: only a wildcard bind would answer there.
            assertThat(answersPing("127.0.0.2", lab.service.port())).isFalse();
        }
    }

    /** Sends a CoAP ping (an empty CON), which a CoAP endpoint answers with a reset. */
    private static boolean answersPing(String host, int port) throws Exception {
        byte[] ping = {0x40, 0x00, 0x12, 0x34};
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(host, 0))) {
            socket.setSoTimeout(1000);
            socket.send(new DatagramPacket(ping, ping.length, new InetSocketAddress(host, port)));
            DatagramPacket answer = new DatagramPacket(new byte[64], 64);
            try {
                socket.receive(answer);
                return true;
            } catch (SocketTimeoutException silence) {
                return false;
            }
        }
    }

    @Test
    void aPortInUseFailsTheStart() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
                JdbcPlatformStore store = JdbcPlatformStore.open("jdbc:h2:mem:dm-taken", null, null);
                PlatformTime time = PlatformTime.system()) {
            DmService service = new DmService(new PlatformRecords(store), new PlatformMetrics(),
                    DmApplications.parse(List.of()), false, time);

            assertThatIllegalStateException().isThrownBy(() -> service.start("127.0.0.1", taken.getLocalPort()))
                    .withMessage("the DM service cannot listen on 127.0.0.1:" + taken.getLocalPort());
            service.close();
        }
    }

    @Test
    void aServiceStartsOnce() {
        try (DmLab lab = new DmLab()) {
            assertThatIllegalStateException().isThrownBy(() -> lab.service.start("127.0.0.1", 0))
                    .withMessage("the DM service is already started");
        }
    }
}
