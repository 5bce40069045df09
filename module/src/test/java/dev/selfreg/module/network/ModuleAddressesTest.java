package dev.selfreg.module.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The addresses and ports handed to modules' channels: their own, in the process's block, below the ephemeral range. */
class ModuleAddressesTest {

    private static final InetAddress IPV4_PEER = InetAddress.getLoopbackAddress();

    @Test
    void everyChannelGetsAnAddressAndPortOfItsOwnInTheBlockBelowTheEphemeralPorts() {
        ModuleAddresses addresses = new ModuleAddresses(42);
        Set<InetSocketAddress> handed = new HashSet<>();
        int portsPerAddress = ModuleAddresses.LAST_PORT - ModuleAddresses.FIRST_PORT + 1;

        for (int i = 0; i < 2 * portsPerAddress + 10; i++) {
            handed.add(addresses.next(IPV4_PEER));
        }

        assertThat(handed).hasSize(2 * portsPerAddress + 10);
        assertThat(handed).allSatisfy(address -> {
            byte[] octets = address.getAddress().getAddress();
            assertThat(octets[0]).isEqualTo((byte) 127);
            assertThat(octets[1]).isEqualTo((byte) 42);
            assertThat(address.getPort()).isBetween(ModuleAddresses.FIRST_PORT, ModuleAddresses.LAST_PORT);
        });
        assertThat(handed.stream().map(InetSocketAddress::getAddress).distinct()).hasSize(3);
    }

    @Test
    void anAddressGivenBackIsTheNextHandedOut() {
        ModuleAddresses addresses = new ModuleAddresses(7);
        InetSocketAddress first = addresses.next(IPV4_PEER);
        addresses.next(IPV4_PEER);

        addresses.giveBack(first);

        assertThat(addresses.next(IPV4_PEER)).isEqualTo(first);
    }

    @Test
    void aChannelTowardsAnIpv6PeerGetsAPortOfItsOwnOnTheIpv6Loopback() throws Exception {
        ModuleAddresses addresses = new ModuleAddresses(7);
        InetAddress ipv6 = InetAddress.getByName("::1");

        InetSocketAddress one = addresses.next(ipv6);
        InetSocketAddress two = addresses.next(ipv6);

        assertThat(one.getAddress()).isEqualTo(ipv6);
        assertThat(two.getAddress()).isEqualTo(ipv6);
        assertThat(one.getPort()).isNotEqualTo(two.getPort());
    }

    @Test
    void aBlockIsOneOfTheSlash16sOf127Besides127Dot0() {
        assertThatThrownBy(() -> new ModuleAddresses(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ModuleAddresses(255)).isInstanceOf(IllegalArgumentException.class);
    }
}
