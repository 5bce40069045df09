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
        if (file == null) {
            return WireRecorder.none();
        }
        if (maxMegabytes <= 0) {
            throw new IllegalArgumentException("--pcap-max-mb must be at least 1, not " + maxMegabytes);
        }
        try {
            return WireRecorder.open(file, maxMegabytes * MEGABYTE, clock);
        } catch (IOException e) {
            throw new IllegalArgumentException("--pcap: cannot write " + file + ": " + e.getMessage());
        }
    }

    /** Tells, once the recorder is closed, whether packets were left out or a write failed. */
    void report(WireRecorder wire, PrintStream err) {
        if (wire.full()) {
            err.println("pcap: " + file + " reached --pcap-max-mb " + maxMegabytes + "; later packets were left out");
        }
        wire.failure().ifPresent(e -> err.println("pcap: writing " + file + " stopped: " + e.getMessage()));
    }
}
