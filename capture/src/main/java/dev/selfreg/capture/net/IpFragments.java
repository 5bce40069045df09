package dev.selfreg.capture.net;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * IPv4 fragments put back together (RFC 791 section 3.2): the pieces of one datagram — same source, destination,
 * protocol and identification — held by offset until every byte up to the last fragment's end has come, in any order.
 * Memory is bounded: at most {@link #MAX_DATAGRAMS} datagrams are held at once (the one not added to for longest is
 * given up for a new one), none larger than an IPv4 datagram can be.
 */
final class IpFragments {

    static final int MAX_DATAGRAMS = 256;
    private static final int MAX_DATAGRAM = 65_535;

    private record Key(InetAddress source, InetAddress destination, int protocol, int identification) {
    }

    /** The pieces of one datagram so far, and its length once the last fragment has come. */
    private static final class Partial {
        final TreeMap<Integer, byte[]> pieces = new TreeMap<>();
        int length = -1;
    }

    private final Map<Key, Partial> partials = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Partial> eldest) {
            return size() > MAX_DATAGRAMS;
        }
    };

    /**
     * Adds a fragment.
     *
     * @param offset where its data goes in the datagram's payload, in bytes
     * @param more whether more fragments follow it (the MF flag)
     * @return the whole payload, when this fragment completed it
     */
    Optional<byte[]> add(InetAddress source, InetAddress destination, int protocol, int identification, int offset,
            boolean more, byte[] data) {
        Key key = new Key(source, destination, protocol, identification);
        if (offset + data.length > MAX_DATAGRAM) {
            partials.remove(key);
            return Optional.empty();
        }
        Partial partial = partials.computeIfAbsent(key, k -> new Partial());
        partial.pieces.merge(offset, data, (held, next) -> held.length >= next.length ? held : next);
        if (!more) {
            partial.length = offset + data.length;
        }
        if (partial.length < 0) {
            return Optional.empty();
        }
        int covered = 0;
        for (Map.Entry<Integer, byte[]> piece : partial.pieces.entrySet()) {
            if (piece.getKey() > covered) {
                return Optional.empty(); // a hole
            }
            covered = Math.max(covered, piece.getKey() + piece.getValue().length);
        }
        if (covered < partial.length) {
            return Optional.empty();
        }
        byte[] whole = new byte[partial.length];
        for (Map.Entry<Integer, byte[]> piece : partial.pieces.entrySet()) {
            int start = piece.getKey();
            System.arraycopy(piece.getValue(), 0, whole, start, Math.min(piece.getValue().length, whole.length - start));
        }
        partials.remove(key);
        return Optional.of(whole);
    }
}
