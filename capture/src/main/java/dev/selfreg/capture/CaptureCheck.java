package dev.selfreg.capture;

import dev.selfreg.capture.exchange.Exchanges;
import dev.selfreg.capture.file.CaptureDamageException;
import dev.selfreg.capture.file.CaptureReader;
import dev.selfreg.capture.file.Frame;
import dev.selfreg.capture.net.FrameDecoder;
import dev.selfreg.checks.observed.DeviceObservation;
import dev.selfreg.protocol.cmdmp.DmCipher;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a capture to its end, or to the damage that stops it, and observes every device in it; what was read before
 * the damage is observed all the same, until the last packet read (a request whose answer the damage may have cut
 * off is left out).
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
     * @param applications the password of each APPkey the reader knows
     * @throws IOException when the file cannot be read at all (not when it is damaged)
     */
    public static Findings read(InputStream capture, Function<String, Optional<DmCipher>> applications)
            throws IOException {
        Exchanges exchanges = new Exchanges(applications);
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
        List<DeviceObservation> devices = exchanges.observations(last, damage.isEmpty());
        return new Findings(devices, frames, exchanges.found(), exchanges.retransmissions(), damage);
    }
}
