package dev.selfreg.module.network;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The loopback addresses and ports the modules' channels are bound to, handed out by this process rather than by the
 * kernel. A module keeps its address and port for as long as its channel lives, also while the channel is parked (its
 * descriptor given back in PSM): the CMDMP platform reads {@code /666/0} back to the address a Register came from, so a
 * module that woke on a new port would no longer be the device the platform knows. A port the kernel handed out would
 * go to the next socket bound anywhere while its owner sleeps; these are below the kernel's ephemeral range
 * ({@code net.ipv4.ip_local_port_range}, 32768 and up by default), which it never hands out by itself.
 *
 * <p>IPv4 addresses come from a /16 of {@code 127.0.0.0/8} chosen by the process id, so that fleet processes on one
 * machine (shards) do not hand out each other's; a port that is taken anyway (another process bound it) is skipped.
 * IPv6 has one loopback address, {@code ::1}, whose ports are handed out the same way.
 */
final class ModuleAddresses {

    /** The first and last port handed out on each address: above the lab's own services, below the ephemeral range. */
    static final int FIRST_PORT = 10_000;
    static final int LAST_PORT = 32_767;
    /** 127.B.x.y: the second octet's choices (1 to 254), one per process, leaving 127.0.x.y to everything else. */
    private static final int BLOCKS = 254;
    /** x.y of 127.B.x.y: 0.1 to 255.254. */
    private static final int HOSTS_PER_BLOCK = 256 * 254;

    private final int block;
    private final Deque<InetSocketAddress> returned4 = new ArrayDeque<>();
    private final Deque<InetSocketAddress> returned6 = new ArrayDeque<>();
    private int host4;
    private int port4 = FIRST_PORT;
    private int port6 = FIRST_PORT;

    /** Addresses in the /16 {@code 127.block.0.0}, {@code block} 1 to 254. */
    ModuleAddresses(int block) {
        if (block < 1 || block > BLOCKS) {
            throw new IllegalArgumentException("the block is 1 to " + BLOCKS + ", not " + block);
        }
        this.block = block;
    }

    /** Addresses in the /16 this process's id chooses. */
    static ModuleAddresses ofThisProcess() {
        return new ModuleAddresses(1 + (int) (ProcessHandle.current().pid() % BLOCKS));
    }

    /**
     * The next address and port for a channel towards {@code peer}'s family: one given back first, else a new one.
     *
     * @throws IllegalStateException when the family has none left
     */
    synchronized InetSocketAddress next(InetAddress peer) {
        boolean ipv4 = peer instanceof Inet4Address;
        InetSocketAddress returned = (ipv4 ? returned4 : returned6).pollFirst();
        if (returned != null) {
            return returned;
        }
        return ipv4 ? nextIpv4() : nextIpv6();
    }

    /** Takes back an address and port no channel uses any more. */
    synchronized void giveBack(InetSocketAddress address) {
        (address.getAddress() instanceof Inet4Address ? returned4 : returned6).addLast(address);
    }

    private InetSocketAddress nextIpv4() {
        if (port4 > LAST_PORT) {
            port4 = FIRST_PORT;
            host4++;
        }
        if (host4 >= HOSTS_PER_BLOCK) {
            throw new IllegalStateException("the loopback block 127." + block + ".0.0/16 has no port left");
        }
        int hostNumber = host4;
        byte[] octets = {127, (byte) block, (byte) (hostNumber / 254), (byte) (1 + hostNumber % 254)};
        return new InetSocketAddress(address(octets), port4++);
    }

    private InetSocketAddress nextIpv6() {
        if (port6 > LAST_PORT) {
            throw new IllegalStateException("the IPv6 loopback address ::1 has no port left for modules");
        }
        return new InetSocketAddress(address(ipv6Loopback()), port6++);
    }

    private static byte[] ipv6Loopback() {
        byte[] octets = new byte[16];
        octets[15] = 1;
        return octets;
    }

    private static InetAddress address(byte[] octets) {
        try {
            return InetAddress.getByAddress(octets);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e); // never: the length is 4 or 16
        }
    }
}
