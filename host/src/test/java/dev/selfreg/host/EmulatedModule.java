package dev.selfreg.host;

import dev.selfreg.module.ModuleProfile;
import dev.selfreg.module.emulator.Bc260yModule;
import dev.selfreg.module.host.TcpAtPort;
import dev.selfreg.nvram.MemoryNvramStore;
import dev.selfreg.time.VirtualClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;

/** An emulated BC260Y-CN in this process, on a virtual clock, with its AT port on loopback TCP. */
final class EmulatedModule implements AutoCloseable {

    /** Generous, so a loaded machine never fails a test that is not about timeouts. */
    static final AtChannelOptions OPTIONS = AtChannelOptions.defaults().withCommandTimeout(Duration.ofSeconds(5));

    final VirtualClock clock = new VirtualClock();
    final Bc260yModule module;
    final TcpAtPort port;

    EmulatedModule() {
        this(ModuleProfile.standard());
    }

    EmulatedModule(ModuleProfile profile) {
        module = new Bc260yModule(profile, clock, new MemoryNvramStore());
        try {
            port = TcpAtPort.start(module, InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        module.powerOn();
    }

    /** The port as {@link Ports#open} takes it. */
    String spec() {
        return "tcp://127.0.0.1:" + port.address().getPort();
    }

    AtTransport transport() {
        return Ports.open(spec(), PortOptions.defaults());
    }

    AtChannel channel() {
        return AtChannel.open(transport(), OPTIONS);
    }

    Bc260yDriver driver() {
        return new Bc260yDriver(channel());
    }

    @Override
    public void close() throws IOException {
        port.close();
    }
}
