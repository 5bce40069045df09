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
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.eclipse.californium.core.coap.MessageFormatException;
import org.eclipse.californium.core.network.serialization.UdpDataParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each device's wire traffic as the platform's listeners saw it, kept in memory whether or not {@code --pcap}
 * writes a file: told of every datagram and HTTP exchange at the listeners' tap ({@link WireRecorder#tappedBy}),
 * it attributes each to a device ({@link Attribution}, no decryption) and keeps it as it came. Bounded: of the
 * newest {@link Bounds#total()} entries of all devices, each device keeps its newest {@link Bounds#perDevice()}; the
 * older ones are dropped and counted per device. Traffic that names no device (a plain LwM2M client, a report
 * without an IMEI, a stray datagram) is only counted. Nothing is stored in the database: a restarted platform
 * starts an empty journal.
 *
 * <p>The listeners' threads only queue what they saw; the journal's own thread ({@code wire-journal}) attributes
 * and keeps it, and a reader takes in what is still queued before it reads, so it sees everything that came before
 * it asked. When that thread is 100,000 entries behind, further traffic is not journaled and is counted
 * ({@link #fellBehind()}).
 *
 * <p>Decoding waits until someone asks ({@link #timeline}): it decrypts with the applications' passwords, which
 * never leave the {@link DmApplications} given. A device configured with APPkey and password swapped sends its
 * password as a field of its endpoint name; the journal keeps that datagram with the field masked, {@code *} for
 * each byte (so the CoAP message stays well-formed), and so it shows it and writes it to pcapng.
 */
public final class WireJournal implements WireTap, AutoCloseable {

    /** The journal's default bounds: some 40 MB when full of ZZHC reports, about 400 bytes an entry. */
    public static final Bounds DEFAULT_BOUNDS = new Bounds(500, 100_000);

    /**
     * How much the journal keeps.
     *
     * @param perDevice the newest entries kept of each device
     * @param total the newest entries of all devices together that the journal keeps from
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
        final ArrayDeque<WireEntry> entries = new ArrayDeque<>(4);
        long dropped;
    }

    /** An entry in the order of all devices' entries, and whose it is. */
    private record Held(Kept device, WireEntry entry) {
    }

    private final Bounds bounds;
    private static final Logger log = LoggerFactory.getLogger(WireJournal.class);
    /** The most entries queued for the worker: about a second of a busy platform's datagrams, times ten. */
    private static final int MAX_BACKLOG = 100_000;
    /** What {@link DmApplications#redact} puts in place of a password. */
    private static final String MASKED = "****";
    private static final String ENDPOINT_QUERY = DmRegister.ENDPOINT_KEY + "=";

    private final DmApplications applications;
    private final Attribution attribution;
    private final UdpDataParser coap = new UdpDataParser();
    private final Map<String, Kept> devices = new HashMap<>();
    /** The newest {@link Bounds#total()} entries of all devices, oldest first, some already dropped by their device. */
    private final ArrayDeque<Held> newest = new ArrayDeque<>();
    private long unattributed;
    /** What the listeners' threads handed over and the worker has not taken in yet, oldest first. */
    private final ReentrantLock arrivalLock = new ReentrantLock();
    private final Condition arrived = arrivalLock.newCondition();
    private ArrayDeque<WireEntry> arriving = new ArrayDeque<>();
    private long fellBehind;
    private boolean closed;

    /**
     * @param applications the APPkeys the platform knows and their passwords, for the decoded timeline
     */
    public WireJournal(DmApplications applications, Bounds bounds) {
        this.applications = Objects.requireNonNull(applications, "applications");
        this.bounds = Objects.requireNonNull(bounds, "bounds");
        this.attribution = new Attribution(bounds.total());
        Thread worker = new Thread(this::work, "wire-journal");
        worker.setDaemon(true);
        worker.start();
    }

    /** Queues the datagram for the journal's worker; the listener's thread does nothing else. */
    @Override
    public void datagram(Instant time, String listener, InetSocketAddress local, InetSocketAddress peer,
            boolean received, byte[] payload) {
        arrive(new WireEntry.Datagram(time, listener, local, peer, received, payload));
    }

    /** Queues the exchange for the journal's worker. */
    @Override
    public void httpExchange(String listener, InetSocketAddress server, InetSocketAddress client,
            Instant receivedAt, Instant answeredAt, byte[] request, byte[] response) {
        arrive(new WireEntry.HttpExchange(receivedAt, answeredAt, listener, server, client, request, response));
    }

    private void arrive(WireEntry entry) {
        arrivalLock.lock();
        try {
            if (closed) {
                return;
            }
            if (arriving.size() >= MAX_BACKLOG) {
                fellBehind++;
                return;
            }
            arriving.addLast(entry);
            if (arriving.size() == 1) {
                arrived.signal();
            }
        } finally {
            arrivalLock.unlock();
        }
    }

    /** The worker: takes in what arrived, batch by batch, until closed. */
    private void work() {
        while (true) {
            arrivalLock.lock();
            try {
                while (arriving.isEmpty() && !closed) {
                    arrived.awaitUninterruptibly();
                }
                if (closed) {
                    return;
                }
            } finally {
                arrivalLock.unlock();
            }
            synchronized (this) {
                catchUp();
            }
        }
    }

    /**
     * Attributes and keeps everything that arrived, in order. Called holding the journal's lock, by the worker and by
     * every reader (so that a reader sees all that arrived before it asked): batches are taken out under that lock,
     * so they are taken in, in arrival order, whoever takes them.
     */
    private void catchUp() {
        ArrayDeque<WireEntry> batch;
        arrivalLock.lock();
        try {
            batch = arriving;
            arriving = new ArrayDeque<>();
        } finally {
            arrivalLock.unlock();
        }
        for (WireEntry entry : batch) {
            try {
                takeIn(entry);
            } catch (RuntimeException e) {
                // device bytes that trip a decoder must not stop the journal
                unattributed++;
                log.warn("wire journal: left out a {} entry: {}", entry.listener(), e.toString());
            }
        }
    }

    private void takeIn(WireEntry entry) {
        if (entry instanceof WireEntry.Datagram d) {
            Optional<String> imei = attribution.datagram(d.peer(), d.received(), d.payload());
            imei.ifPresentOrElse(i -> keep(i, new WireEntry.Datagram(d.time(), d.listener(), d.local(), d.peer(),
                    d.received(), withoutPasswords(d.payload()))), () -> unattributed++);
        } else if (entry instanceof WireEntry.HttpExchange h) {
            attribution.http(h.request()).ifPresentOrElse(i -> keep(i, h), () -> unattributed++);
        }
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

    private void keep(String imei, WireEntry entry) {
        Kept device = devices.computeIfAbsent(imei, i -> new Kept());
        device.entries.addLast(entry);
        newest.addLast(new Held(device, entry));
        if (device.entries.size() > bounds.perDevice()) {
            device.entries.removeFirst();
            device.dropped++;
        }
        if (newest.size() > bounds.total()) {
            Held oldest = newest.removeFirst();
            // the oldest of all is its device's oldest, unless the device's own bound dropped it already
            if (oldest.device().entries.peekFirst() == oldest.entry()) {
                oldest.device().entries.removeFirst();
                oldest.device().dropped++;
            }
        }
    }

    /** What the journal holds of a device; no entries and nothing dropped when it never saw it. */
    public synchronized Traffic traffic(String imei) {
        catchUp();
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
        catchUp();
        return unattributed;
    }

    /** How many datagrams and exchanges were not journaled because the worker was too far behind. */
    public long fellBehind() {
        arrivalLock.lock();
        try {
            return fellBehind;
        } finally {
            arrivalLock.unlock();
        }
    }

    /** Stops the worker; what arrives later is not journaled, what was kept stays readable. */
    @Override
    public void close() {
        arrivalLock.lock();
        try {
            closed = true;
            arrived.signal();
        } finally {
            arrivalLock.unlock();
        }
    }

    public Bounds bounds() {
        return bounds;
    }
}
