package dev.selfreg.lab;

import dev.selfreg.capture.record.WireRecorder;
import dev.selfreg.module.network.LabService;
import dev.selfreg.module.network.WireTap;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The emulated modules' side of a capture: each datagram of a chosen module's sockets written as that socket sent or
 * received it, on an interface of its own ({@code <IMEI> ct|dm <address>:<port>}). Every module's socket, chosen or
 * not, is one whose datagrams the platform's listeners in the same process leave out, so a packet between a module
 * and its platform is written once, at the module's end, and a module not chosen is not in the file at all.
 */
public final class ModuleCapture implements WireTap {

    private final WireRecorder wire;
    private final Predicate<String> chosen;

    /**
     * @param wire the process's capture
     * @param chosen which modules, by IMEI, are written
     */
    public ModuleCapture(WireRecorder wire, Predicate<String> chosen) {
        this.wire = Objects.requireNonNull(wire, "wire");
        this.chosen = Objects.requireNonNull(chosen, "chosen");
    }

    @Override
    public void datagram(String module, LabService service, InetSocketAddress local, InetSocketAddress peer,
            boolean received, byte[] datagram) {
        wire.recordedAtItsEnd(local);
        if (chosen.test(module)) {
            wire.datagram(module + " " + service.label(), local, peer, received, datagram);
        }
    }
}
