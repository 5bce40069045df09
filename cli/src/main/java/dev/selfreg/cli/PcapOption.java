package dev.selfreg.cli;

import dev.selfreg.capture.record.WireRecorder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Option;

/**
 * {@code --pcap FILE} and {@code --pcap-max-mb N}, shared by the commands that run a platform: every datagram and
 * HTTP exchange of its ZZHC and CMDMP listeners written as pcapng, stamped with the platform's clock.
 */
final class PcapOption {

    private static final long MEGABYTE = 1L << 20;

    @Option(names = "--pcap", paramLabel = "FILE",
            description = "Write every ZZHC and CMDMP datagram and HTTP exchange as pcapng (Wireshark); replaces FILE.")
    Path file;

    @Option(names = "--pcap-max-mb", paramLabel = "MB", defaultValue = "100",
            description = "The most the --pcap file may hold; later packets are left out (default: ${DEFAULT-VALUE}).")
    long maxMegabytes;

    /**
     * The recorder the option asks for, on {@code clock}.
     *
     * @throws IllegalArgumentException when the file cannot be created or the limit is not positive
     */
    WireRecorder open(Clock clock) {
        return file == null ? WireRecorder.none() : open(file, clock);
    }

    /** The same, written to {@code target} (one of several runs' files) instead of {@code --pcap}'s. */
    WireRecorder open(Path target, Clock clock) {
        if (maxMegabytes <= 0) {
            throw new IllegalArgumentException("--pcap-max-mb must be at least 1, not " + maxMegabytes);
        }
        try {
            return WireRecorder.open(target, maxMegabytes * MEGABYTE, clock);
        } catch (IOException e) {
            throw new IllegalArgumentException("--pcap: cannot write " + target + ": " + e.getMessage());
        }
    }

    /**
     * Fails now, before anything runs, when {@code --pcap} cannot be written or the limit is not positive: for the
     * commands whose recorder is made later, inside the lab, on its clock.
     *
     * @throws IllegalArgumentException saying why
     */
    void requireWritable() {
        if (file != null) {
            open(file, Clock.systemUTC()).close();
        }
    }

    /** Tells, once the recorder is closed, whether packets were left out or a write failed. */
    void report(WireRecorder wire, PrintStream err) {
        report(wire, file, err);
    }

    /** The same for the recorder of {@code target}. */
    void report(WireRecorder wire, Path target, PrintStream err) {
        if (wire.full()) {
            err.println("pcap: " + target + " reached --pcap-max-mb " + maxMegabytes + "; later packets were left out");
        }
        wire.failure().ifPresent(e -> err.println("pcap: writing " + target + " stopped: " + e.getMessage()));
    }
}
