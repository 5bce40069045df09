package dev.selfreg.module.ct;

import dev.selfreg.module.ModuleProfile;
import dev.selfreg.module.Power;
import dev.selfreg.module.emulator.Bc260yModule;
import dev.selfreg.module.network.LabNetwork;
import dev.selfreg.module.network.LabService;
import dev.selfreg.module.network.NetworkFault;
import dev.selfreg.module.network.Transmission;
import dev.selfreg.nvram.MemoryNvramStore;
import dev.selfreg.time.VirtualClock;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One emulated unit on a virtual clock whose network leads to a {@link LabCtPlatform}, with its
 * UART output and every CT transmission recorded.
 */
final class CtBench implements AutoCloseable {

    /** Nothing is sent to DM in these tests; the port only completes the lab's map. */
    private static final int UNUSED_DM_PORT = 9;

    final VirtualClock clock = new VirtualClock();
    final MemoryNvramStore nvram = new MemoryNvramStore();
    final Bc260yModule module;
    final List<Transmission> transmissions = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream wire = new ByteArrayOutputStream();

    CtBench(LabCtPlatform platform, ModuleProfile profile) {
        this(platform.port(), profile);
    }

    /** A unit whose China Telecom platform is whatever listens on {@code ctPort} on loopback. */
    CtBench(int ctPort, ModuleProfile profile) {
        module = new Bc260yModule(profile, clock, nvram,
                LabNetwork.lab(InetAddress.getLoopbackAddress(), ctPort, UNUSED_DM_PORT));
        module.network().onTransmission(transmissions::add);
        module.connectHost(bytes -> {
            synchronized (wire) {
                wire.writeBytes(bytes);
            }
        });
        module.powerOn();
    }

    /**
     * Sends one command line and returns what the module answered (echo included). Like a host
     * driver, it first wakes a unit in deep sleep ({@link #wake}) and leaves that out of the answer.
     */
    String at(String line) {
        if (module.power() == Power.DEEP_SLEEP) {
            wake();
        }
        return type(line + "\r");
    }

    /** Wakes the unit with one byte, which the UART loses; returns what the module sent. */
    String wake() {
        return type("\r");
    }

    private String type(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        module.receiveFromHost(bytes, 0, bytes.length);
        synchronized (wire) {
            String out = wire.toString(StandardCharsets.US_ASCII);
            wire.reset();
            return out;
        }
    }

    void inject(NetworkFault fault) {
        module.network().faults().add(fault);
    }

    void clearFaults() {
        module.network().faults().clear();
    }

    void advance(Duration duration) {
        clock.advance(duration);
    }

    /** Module times at which an attempt started: the first transmission of each report. */
    List<Duration> attemptStarts() {
        return transmissions.stream().filter(t -> t.number() == 0 && t.service().equals(Optional.of(LabService.CT)))
                .map(Transmission::at).toList();
    }

    @Override
    public void close() {
        module.close();
    }
}
