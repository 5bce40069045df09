package dev.selfreg.platform.wire;

import dev.selfreg.capture.record.WireRecorder;
import dev.selfreg.capture.record.WireTap;
import dev.selfreg.platform.dm.DmApplications;
import dev.selfreg.protocol.cmdmp.DmEndpointName;
import dev.selfreg.protocol.cmdmp.DmRegister;
import dev.selfreg.protocol.cmdmp.UriQueryOption;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.eclipse.californium.core.coap.MessageFormatException;
import org.eclipse.californium.core.network.serialization.UdpDataParser;

/**
 * Each device's wire traffic as the platform's listeners saw it, kept in memory whether or not {@code --pcap}
 * writes a file: told of every datagram and HTTP exchange at the listeners' tap ({@link WireRecorder#tappedBy}),
 * it attributes each to a device ({@link Attribution}, no decryption) and keeps it as it came. Bounded: the newest
 * {@link Bounds#perDevice()} entries of each device and {@link Bounds#total()} in all; the oldest go first and are
 * counted. Traffic that names no device (a plain LwM2M client, a report without an IMEI, a stray datagram) is only
 * counted. Nothing is stored in the database: a restarted platform starts an empty journal.
 *
 * <p>Decoding waits until someone asks ({@link #timeline}): it decrypts with the applications' passwords, which
 * never leave the {@link DmApplications} given. A device configured with APPkey and password swapped sends its
 * password as a field of its endpoint name; the journal keeps that datagram with the field masked, {@code *} for
 * each byte (so the CoAP message stays well-formed), and so it shows it and writes it to pcapng.
 */
public final class WireJournal implements WireTap {

    /** The journal's default bounds; about 300 bytes an entry, so some 30 MB when full. */
    public static final Bounds DEFAULT_BOUNDS = new Bounds(500, 100_000);

    /**
     * How much the journal keeps.
     *
     * @param perDevice the newest entries kept of each device
     * @param total the newest entries kept of all devices together
     */
    public record Bounds(int perDevice, int total) {
        /** Requires positive bounds. */
        public Bounds {
            if (perDevice < 1 || total < 1) {
                throw new IllegalArgumentException("the journal's bounds are at least 1, not " + perDevice + " and "
                        + total);
            }
        }
    }

    /**
     * What the journal holds of one device.
     *
     * @param imei the device
     * @param entries its entries kept, oldest first
     * @param dropped how many older entries were dropped for the bounds
     * @param bounds the journal's bounds
     */
    public record Traffic(String imei, List<WireEntry> entries, long dropped, Bounds bounds) {
    }

    /** One device's entries, oldest first. */
    private static final class Kept {
        final ArrayDeque<WireEntry> entries = new ArrayDeque<>();
        long dropped;
    }

    private final Bounds bounds;
    /** What {@link DmApplications#redact} puts in place of a password. */
    private static final String MASKED = "****";
    private static final String ENDPOINT_QUERY = DmRegister.ENDPOINT_KEY + "=";

    private final DmApplications applications;
    private final Attribution attribution;
    private final UdpDataParser coap = new UdpDataParser();
    private final Map<String, Kept> devices = new HashMap<>();
    /** Each device that keeps entries, by the sequence of its oldest: the first is the oldest entry of all. */
    private final TreeMap<Long, Kept> oldest = new TreeMap<>();
    private long sequence;
    private int kept;
    private long unattributed;

    /**
     * @param applications the APPkeys the platform knows and their passwords, for the decoded timeline
     */
    public WireJournal(DmApplications applications, Bounds bounds) {
        this.applications = Objects.requireNonNull(applications, "applications");
        this.bounds = Objects.requireNonNull(bounds, "bounds");
        this.attribution = new Attribution(bounds.total());
    }

    @Override
    public synchronized void datagram(Instant time, String listener, InetSocketAddress local, InetSocketAddress peer,
            boolean received, byte[] payload) {
        Optional<String> imei = attribution.datagram(peer, received, payload);
        if (imei.isEmpty()) {
            unattributed++;
            return;
        }
        keep(imei.get(), new WireEntry.Datagram(++sequence, time, listener, local, peer, received,
                withoutPasswords(payload)));
    }

    /**
     * The datagram with every {@code @#@}-separated field of an endpoint name that is a known password masked (the
     * whole name when it has no separator); the datagram itself when there is none. Only a Register carries
     * {@code ep=}, so nothing else is parsed here.
     */
    private byte[] withoutPasswords(byte[] payload) {
        String bytes = new String(payload, StandardCharsets.ISO_8859_1);
        if (!bytes.contains(ENDPOINT_QUERY)) {
            return payload;
        }
        List<String> endpoints;
        try {
            endpoints = coap.parseMessage(payload).getOptions().getUriQuery().stream().map(UriQueryOption::parse)
                    .filter(q -> q.key().equals(DmRegister.ENDPOINT_KEY)).map(UriQueryOption::value).toList();
        } catch (MessageFormatException | IllegalArgumentException notCoap) {
            return payload;
        }
        String masked = bytes;
        for (String endpoint : endpoints) {
            for (String field : endpoint.split(Pattern.quote(DmEndpointName.SEPARATOR), -1)) {
                if (!field.isEmpty() && !field.equals(MASKED) && applications.redact(field).equals(MASKED)) {
                    String onTheWire = new String(field.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
                    masked = masked.replace(onTheWire, "*".repeat(onTheWire.length()));
                }
            }
        }
        return masked.equals(bytes) ? payload : masked.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public synchronized void httpExchange(String listener, InetSocketAddress server, InetSocketAddress client,
            Instant receivedAt, Instant answeredAt, byte[] request, byte[] response) {
        Optional<String> imei = attribution.http(request);
        if (imei.isEmpty()) {
            unattributed++;
            return;
        }
        keep(imei.get(), new WireEntry.HttpExchange(++sequence, receivedAt, answeredAt, listener, server, client,
                request, response));
    }

    private void keep(String imei, WireEntry entry) {
        Kept device = devices.computeIfAbsent(imei, i -> new Kept());
        if (device.entries.isEmpty()) {
            oldest.put(entry.sequence(), device);
        }
        device.entries.addLast(entry);
        kept++;
        if (device.entries.size() > bounds.perDevice()) {
            dropOldest(device);
        }
        while (kept > bounds.total()) {
            dropOldest(oldest.firstEntry().getValue());
        }
    }

    private void dropOldest(Kept device) {
        WireEntry dropped = device.entries.removeFirst();
        oldest.remove(dropped.sequence());
        device.dropped++;
        kept--;
        if (!device.entries.isEmpty()) {
            oldest.put(device.entries.getFirst().sequence(), device);
        }
    }

    /** What the journal holds of a device; no entries and nothing dropped when it never saw it. */
    public synchronized Traffic traffic(String imei) {
        Kept device = devices.get(imei);
        return device == null ? new Traffic(imei, List.of(), 0, bounds)
                : new Traffic(imei, List.copyOf(device.entries), device.dropped, bounds);
    }

    /** A device's traffic decoded, message by message, identities and values decrypted where the APPkey is known. */
    public DeviceTimeline timeline(String imei) {
        return DeviceTimeline.of(traffic(imei), applications::cipher);
    }

    /**
     * Writes a device's traffic as pcapng, one interface per listener, as {@code --pcap} writes it (the packets'
     * times are the journal's); closes {@code out}.
     */
    public void writePcapng(String imei, OutputStream out) throws IOException {
        Traffic traffic = traffic(imei);
        try (WireRecorder file = WireRecorder.writing(out, Long.MAX_VALUE)) {
            for (WireEntry entry : traffic.entries()) {
                if (entry instanceof WireEntry.Datagram d) {
                    file.datagram(d.time(), d.listener(), d.local(), d.peer(), d.received(), d.payload());
                } else if (entry instanceof WireEntry.HttpExchange h) {
                    file.httpExchange(h.listener(), h.server(), h.client(), h.time(), h.answeredAt(), h.request(),
                            h.response());
                }
            }
            if (file.failure().isPresent()) {
                throw file.failure().get();
            }
        }
    }

    /** How many datagrams and exchanges named no device, since the start. */
    public synchronized long unattributed() {
        return unattributed;
    }

    public Bounds bounds() {
        return bounds;
    }
}
