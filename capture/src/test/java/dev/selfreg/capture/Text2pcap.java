package dev.selfreg.capture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Wireshark's {@code text2pcap} (Debian {@code wireshark-common}) as an independent writer of captures: packets as a
 * hex dump, each with its direction and time, framed by text2pcap's own dummy Ethernet, IP and UDP or TCP headers.
 */
final class Text2pcap {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    /** One packet of the dump: which way it goes, when, its payload. */
    record Line(boolean outbound, Instant time, byte[] payload) {
    }

    private Text2pcap() {
    }

    /**
     * Writes the packets with text2pcap.
     *
     * @param headers text2pcap's header options, e.g. {@code -4 127.0.0.1,127.0.0.2 -u 40000,5683}: inbound packets
     *     go from the first address and port to the second, outbound ones back
     * @param format {@code pcap} or {@code pcapng}
     */
    static Path write(Path dir, String name, List<Line> lines, String format, String... headers)
            throws IOException, InterruptedException {
        StringBuilder dump = new StringBuilder();
        for (Line line : lines) {
            dump.append(line.outbound() ? "O " : "I ").append(TIME.format(line.time())).append('\n');
            byte[] p = line.payload();
            for (int offset = 0; offset < p.length; offset += 16) {
                dump.append(String.format("%06x", offset));
                for (int i = offset; i < Math.min(p.length, offset + 16); i++) {
                    dump.append(String.format(" %02x", p[i] & 0xFF));
                }
                dump.append('\n');
            }
        }
        Path text = dir.resolve(name + ".txt");
        Path capture = dir.resolve(name + "." + format);
        Files.writeString(text, dump, StandardCharsets.US_ASCII);
        List<String> command = new ArrayList<>(List.of("text2pcap", "-q", "-F", format, "-D", "-t",
                "%Y-%m-%dT%H:%M:%S.%f"));
        command.addAll(List.of(headers));
        command.add(text.toString());
        command.add(capture.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("TZ", "UTC");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("text2pcap failed: " + output);
        }
        return capture;
    }
}
