package dev.selfreg.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** Opening ports by name, and saying clearly why one cannot be opened. */
class PortsTest {

    @Test
    void tcpAddressOpensATcpPort() throws Exception {
        try (EmulatedModule unit = new EmulatedModule();
             AtChannel channel = AtChannel.open(Ports.open(unit.spec(), PortOptions.defaults()), EmulatedModule.OPTIONS)) {
            assertThat(channel.description()).isEqualTo(unit.spec());
            assertThat(channel.send("AT").isOk()).isTrue();
        }
    }

    @Test
    void refusedTcpPortIsUnavailable() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        String spec = "tcp://127.0.0.1:" + port;
        assertThatThrownBy(() -> Ports.open(spec, PortOptions.defaults()))
                .isInstanceOfSatisfying(PortUnavailableException.class, e -> assertThat(e.port()).isEqualTo(spec))
                .hasMessageStartingWith("cannot open " + spec + ": connection refused");
    }

    @Test
    void missingSerialDeviceIsUnavailable() {
        assertThatThrownBy(() -> Ports.open("/dev/selfreg-no-such-tty", PortOptions.defaults()))
                .isInstanceOf(PortUnavailableException.class)
                .hasMessage("cannot open /dev/selfreg-no-such-tty: no such device");
    }

    @Test
    void fileThatIsNotATerminalIsNotASerialDevice() {
        assertThatThrownBy(() -> Ports.open("/dev/null", PortOptions.defaults()))
                .isInstanceOf(PortUnavailableException.class)
                .hasMessage("cannot open /dev/null: not a serial device");
    }

    @Test
    void malformedTcpAddressIsRejected() {
        for (String spec : new String[] {"tcp://127.0.0.1", "tcp://:7000", "tcp://127.0.0.1:7000/x", "tcp://127.0.0.1:99999"}) {
            assertThatThrownBy(() -> Ports.open(spec, PortOptions.defaults())).as(spec)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tcp://host:port");
        }
    }
}
