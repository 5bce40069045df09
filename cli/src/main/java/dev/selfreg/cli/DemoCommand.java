package dev.selfreg.cli;

import dev.selfreg.capture.record.WireRecorder;
import dev.selfreg.lab.demo.Demo;
import dev.selfreg.platform.PlatformSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code selfreg demo}: the lab platform and two emulated modules (China Telecom, China Mobile),
 * narrated; {@code --once} runs the whole story on the virtual clock and checks it.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the lab platform and two emulated modules (China Telecom, China Mobile) and narrate their registrations.",
                "Without --once: real time, the dashboard shows them live, until Ctrl-C.",
                "With --once: the same on the virtual clock, a few days of updates, one injected failure and its recovery,"
                        + " then a summary table."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {"0:every expected outcome happened (--once)", "1:an expected outcome did not happen (--once)",
                ExitCodes.LINE_USAGE, ExitCodes.LINE_UNAVAILABLE, ExitCodes.LINE_INTERNAL, ExitCodes.LINE_SIGNAL})
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--once", description = "Run the scenario on the virtual clock, print a summary and exit.")
    boolean once;

    @Option(names = "--web-port", paramLabel = "PORT", converter = PortNumber.class, description = "Dashboard and REST API port (default 8080; with --once a free one).")
    Integer webPort;

    @Option(names = "--ct-coap-port", paramLabel = "PORT", converter = PortNumber.class, description = "China Telecom ZZHC over CoAP (default 5683; with --once a free one).")
    Integer ctCoapPort;

    @Option(names = "--ct-http-port", paramLabel = "PORT", converter = PortNumber.class, description = "China Telecom ZZHC over HTTP (default 9999; with --once a free one).")
    Integer ctHttpPort;

    @Option(names = "--dm-port", paramLabel = "PORT", converter = PortNumber.class, description = "China Mobile CMDMP (default 5685; with --once a free one).")
    Integer dmPort;

    /** Not the platform's ./selfreg-data: the tour's platform must not show the demo's records, nor the two share a lock. */
    @Option(names = "--data-dir", defaultValue = "selfreg-demo-data", paramLabel = "DIR",
            description = "Where the live demo's store lives (default: ./${DEFAULT-VALUE}, apart from selfreg platform's); --once keeps its store in memory.")
    Path dataDir;

    @Mixin
    ProductOption product;

    @Mixin
    PcapOption pcap;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PlatformSettings defaults = PlatformSettings.defaults();
        PlatformSettings settings = new PlatformSettings("127.0.0.1",
                port(ctCoapPort, once ? 0 : defaults.ctCoapPort()), port(ctHttpPort, once ? 0 : defaults.ctHttpPort()),
                port(dmPort, once ? 0 : defaults.dmPort()), port(webPort, once ? 0 : defaults.webPort()),
                once ? Optional.of("jdbc:h2:mem:demo-" + UUID.randomUUID()) : Optional.empty(), dataDir, List.of(), false,
                Optional.empty(), product.declared());
        List<WireRecorder> opened = new ArrayList<>();
        Function<Clock, WireRecorder> wire = clock -> {
            WireRecorder recorder = pcap.open(clock);
            opened.add(recorder);
            return recorder;
        };
        try {
            pcap.requireWritable();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (once) {
            try {
                return Demo.once(settings, System.out, wire) ? 0 : 1;
            } finally {
                opened.forEach(recorder -> pcap.report(recorder, System.err));
            }
        }
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                finished.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "demo-shutdown"));
        try {
            Demo.live(settings, System.out, stop, wire);
        } finally {
            opened.forEach(recorder -> pcap.report(recorder, System.err));
            finished.countDown();
        }
        return 0;
    }

    private static int port(Integer given, int fallback) {
        return given != null ? given : fallback;
    }
}
