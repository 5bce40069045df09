package dev.selfreg.bench;

import dev.selfreg.capture.CaptureCheck;
import dev.selfreg.capture.file.CaptureDamageException;
import dev.selfreg.capture.record.WireRecorder;
import dev.selfreg.checks.Product;
import dev.selfreg.platform.dm.RegistrationLoad;
import dev.selfreg.protocol.cmdmp.DmCipher;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import net.jqwik.api.Arbitrary;

/**
 * The capture reader with the certification rules ({@link CaptureCheck#judge}, what {@code selfreg check} runs) fed
 * mutated pcapng files: the seeds are the platform's own recordings ({@code --pcap}) of the spec's test vectors, ZZHC
 * over CoAP and over HTTP and a CMDMP Register with its read of object 666. Damage must end in a {@link CaptureDamageException} (counted by its
 * reason, the offsets left out), never in another exception.
 */
final class CaptureTarget implements BadInputTarget {

    private final List<byte[]> seeds = new ArrayList<>();
    private final Map<String, Long> damage = new TreeMap<>();
    private final Function<String, Optional<DmCipher>> applications;

    CaptureTarget() {
        String[] app = RegistrationLoad.application().split("=", 2);
        DmCipher cipher = new DmCipher(app[1]);
        applications = appKey -> appKey.equals(app[0]) ? Optional.of(cipher) : Optional.empty();
        try {
            Path dir = Files.createTempDirectory("selfreg-bad-captures");
            for (PlatformTarget.Service service : PlatformTarget.Service.values()) {
                Path file = dir.resolve(service.name() + ".pcapng");
                try (PlatformTarget recorded = new PlatformTarget(service,
                        WireRecorder.open(file, 1 << 20, Clock.systemUTC()))) {
                    recorded.feedTheSeeds();
                }
                seeds.add(Files.readAllBytes(file));
                Files.delete(file);
            }
            Files.delete(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("recording the seed captures failed", e);
        }
    }

    @Override
    public String name() {
        return "capture";
    }

    @Override
    public String seeds() {
        return seeds.size() + " pcapng recordings of the platform (" + seeds.stream().mapToInt(s -> s.length).sum()
                + " bytes) taking the spec's vectors, mutated; random bytes";
    }

    @Override
    public Arbitrary<byte[]> inputs() {
        return Mutations.of(seeds, 4000);
    }

    @Override
    public String feed(byte[] input) throws IOException {
        CaptureCheck.Judged findings = CaptureCheck.judge(new ByteArrayInputStream(input), applications,
                Product.UNDECLARED);
        findings.damage().ifPresent(d -> damage.merge(reason(d), 1L, Long::sum));
        return findings.damage().isPresent() ? "damaged" : "read whole";
    }

    /** The damage's reason: its message without the numbers and the bytes found, which differ from file to file. */
    private static String reason(CaptureDamageException damage) {
        return damage.getMessage().replaceAll(" \\((?:[^()]|\\([^()]*\\))*\\)", "").replaceAll("\\d+", "N");
    }

    @Override
    public Map<String, Long> rejections() {
        return Map.copyOf(damage);
    }

    @Override
    public boolean serving() throws IOException {
        for (byte[] seed : seeds) {
            if (CaptureCheck.judge(new ByteArrayInputStream(seed), applications, Product.UNDECLARED).damage()
                    .isPresent()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        // nothing held between inputs
    }
}
