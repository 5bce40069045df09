package dev.selfreg.module.network;

import java.net.InetSocketAddress;

/**
 * Sees every datagram a module's socket sends and receives, as it goes over the wire: for a capture of the module's
 * traffic ({@code --pcap}). Called on the sending thread before the datagram leaves and on the receiving thread as it
 * arrives, so it must be quick and must not throw; what it does cannot change what the module sends or sees.
 */
@FunctionalInterface
public interface WireTap {

    /** Sees nothing. */
    WireTap NONE = (module, service, local, peer, received, datagram) -> { };

    /**
     * One datagram on a module's socket.
     *
     * @param module the module's name (its IMEI)
     * @param service the lab service the socket leads to
     * @param local the module's end of the socket
     * @param peer the service's endpoint
     * @param received whether it came in (else it went out)
     * @param datagram the UDP payload
     */
    void datagram(String module, LabService service, InetSocketAddress local, InetSocketAddress peer,
                  boolean received, byte[] datagram);
}
