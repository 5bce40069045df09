package dev.selfreg.module.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/**
 * Network safety: the module's real datagrams only ever go to loopback; a lab anywhere else is
 * refused before any socket exists, and host names are not looked up to check them.
 */
class LoopbackGuardTest {

    private static final UdpChannels.Listener DEAF = new UdpChannels.Listener() {
        @Override
        public void datagram(byte[] bytes) {
        }

        @Override
        public void unreachable() {
        }
    };

    @Test
    void aLoopbackAddressPasses() {
        InetSocketAddress lab = new InetSocketAddress("127.0.0.1", 5683);
        assertThat(Loopback.require(lab)).isSameAs(lab);
        assertThat(Loopback.require(new InetSocketAddress("::1", 5683))).isNotNull();
    }

    @Test
    void anyOtherAddressThrows() {
        assertThatThrownBy(() -> Loopback.require(new InetSocketAddress("42.99.2.15", 5683)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("network safety");
        assertThatThrownBy(() -> Loopback.require(new InetSocketAddress("10.0.0.1", 5683)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Loopback.require(InetSocketAddress.createUnresolved("localhost", 5683)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLabEndpointOffLoopbackIsRefused() {
        assertThatThrownBy(() -> LabNetwork.isolated().withEndpoint(LabService.CT, new InetSocketAddress("117.161.2.41", 5683)))
                .hasMessageContaining("network safety");
        assertThatThrownBy(() -> LabNetwork.lab(InetAddress.getByName("192.168.1.10"), 5683, 5685))
                .hasMessageContaining("network safety");
    }

    @Test
    void noSocketIsOpenedTowardsAnAddressOffLoopback() {
        assertThatThrownBy(() -> UdpChannels.shared().open(new InetSocketAddress("42.99.2.15", 5683), DEAF))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("network safety");
    }

    @Test
    void aPlatformHostMustBeLocalhostOrALoopbackLiteral() {
        assertThat(Loopback.parseHost("localhost").isLoopbackAddress()).isTrue();
        assertThat(Loopback.parseHost("127.0.0.1").getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(Loopback.parseHost("127.1.2.3").getHostAddress()).isEqualTo("127.1.2.3");
        assertThat(Loopback.parseHost("::1").isLoopbackAddress()).isTrue();
        assertThatThrownBy(() -> Loopback.parseHost("10.0.0.1")).hasMessageContaining("network safety");
        assertThatThrownBy(() -> Loopback.parseHost("zzhc.vnet.cn")).hasMessageContaining("network safety");
        assertThatThrownBy(() -> Loopback.parseHost("999.0.0.1")).hasMessageContaining("not an IP address");
    }
}
