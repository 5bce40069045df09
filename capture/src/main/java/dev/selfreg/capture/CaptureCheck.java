package dev.selfreg.capture;

import dev.selfreg.capture.exchange.Exchanges;
import dev.selfreg.capture.exchange.JudgedDevices;
import dev.selfreg.capture.exchange.ObservedDevices;
import dev.selfreg.capture.file.CaptureDamageException;
import dev.selfreg.capture.file.CaptureReader;
import dev.selfreg.capture.file.Frame;
import dev.selfreg.capture.net.FrameDecoder;
import dev.selfreg.checks.Checklist;
import dev.selfreg.checks.Product;
import dev.selfreg.checks.observed.DeviceObservation;
import dev.selfreg.protocol.cmdmp.DmCipher;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a capture to its end, or to the damage that stops it, and observes or judges every device in it; what was
 * read before the damage is observed all the same, until the last packet read (a request whose answer the damage may
 * have cut off is left out).
 *
 * <p>{@link #judge} is what {@code selfreg check} runs: it holds one packet at a time and, per device, the
 * certification rules' folded state, so its memory grows with the number of devices in the capture, not with its
 * length. {@link #read} keeps every record found, to show what a capture holds.
 */
public final class CaptureCheck {

    private CaptureCheck() {
    }

    /**
     * What a capture holds.
     *
     * @param devices one observation per device, by IMEI
     * @param frames the packets read
     * @param exchanges the ZZHC and CMDMP exchanges found
     * @param retransmissions CoAP retransmissions, each counted once
     * @param damage what stopped reading before the end, if anything
     */
    public record Findings(List<DeviceObservation> devices, long frames, int exchanges, int retransmissions,
                           Optional<CaptureDamageException> damage) {
    }

    /**
     * What the certification rules make of a capture.
     *
     * @param checklists one per device, by IMEI; the records of each are those its evidence names
     * @param frames the packets read
     * @param exchanges the ZZHC and CMDMP exchanges found
     * @param retransmissions CoAP retransmissions, each counted once
     * @param damage what stopped reading before the end, if anything
     */
    public record Judged(List<Checklist> checklists, long frames, int exchanges, int retransmissions,
                         Optional<CaptureDamageException> damage) {
    }

    /**
     * Every device in the capture with every record found of it.
     *
     * @param applications the password of each APPkey the reader knows
     * @throws IOException when the file cannot be read at all (not when it is damaged)
     */
    public static Findings read(InputStream capture, Function<String, Optional<DmCipher>> applications)
            throws IOException {
        ObservedDevices devices = new ObservedDevices();
        Exchanges exchanges = new Exchanges(applications, devices);
        Scan scan = scan(capture, exchanges);
        return new Findings(devices.observations(scan.last()), scan.frames(), exchanges.found(),
                exchanges.retransmissions(), scan.damage());
    }

    /**
     * Every device in the capture judged by every certification rule as {@code product}, its records folded as they
     * are found.
     *
     * @param applications the password of each APPkey the reader knows
     * @throws IOException when the file cannot be read at all (not when it is damaged)
     */
    public static Judged judge(InputStream capture, Function<String, Optional<DmCipher>> applications,
            Product product) throws IOException {
        JudgedDevices devices = new JudgedDevices(product);
        Exchanges exchanges = new Exchanges(applications, devices);
        Scan scan = scan(capture, exchanges);
        return new Judged(devices.checklists(scan.last()), scan.frames(), exchanges.found(),
                exchanges.retransmissions(), scan.damage());
    }

    /** How far reading went: the packets, the time of the latest, and the damage that stopped it. */
    private record Scan(long frames, Instant last, Optional<CaptureDamageException> damage) {
    }

    private static Scan scan(InputStream capture, Exchanges exchanges) throws IOException {
        long frames = 0;
        Instant last = Instant.EPOCH;
        Optional<CaptureDamageException> damage = Optional.empty();
        FrameDecoder decoder = new FrameDecoder();
        try (CaptureReader reader = new CaptureReader(capture)) {
            Optional<Frame> frame;
            while ((frame = reader.next()).isPresent()) {
                frames++;
                last = frame.get().time().isAfter(last) ? frame.get().time() : last;
                decoder.decode(frame.get()).ifPresent(exchanges::accept);
            }
        } catch (CaptureDamageException e) {
            damage = Optional.of(e);
        }
        exchanges.finish(last, damage.isEmpty());
        return new Scan(frames, last, damage);
    }
}
