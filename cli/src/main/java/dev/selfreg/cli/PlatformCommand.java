package dev.selfreg.cli;

import dev.selfreg.capture.record.WireRecorder;
import dev.selfreg.platform.LabPlatform;
import dev.selfreg.platform.PlatformSettings;
import dev.selfreg.platform.core.PlatformTime;
import dev.selfreg.platform.dm.DmApplications;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code selfreg platform}: the lab platform alone, for real modules in a lab or emulated ones:
 * China Telecom ZZHC (CoAP and HTTP), China Mobile CMDMP (LwM2M), the REST API and dashboard.
 */
@Command(name = "platform", mixinStandardHelpOptions = true, sortOptions = false,
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.LINE_OK, ExitCodes.LINE_USAGE, ExitCodes.LINE_UNAVAILABLE, ExitCodes.LINE_INTERNAL,
                ExitCodes.LINE_SIGNAL},
        description = {"Run the lab platform: China Telecom ZZHC over CoAP and HTTP, China Mobile CMDMP over LwM2M.",
                "It checks and stores every report (embedded H2 by default, or PostgreSQL) and serves the REST API and"
                        + " the web dashboard."},
        footer = {"", "Prints one `listening <name> <host>:<port>` line per listener (ct-coap, ct-http, dm, web) when ready.",
                "Runs until Ctrl-C; the store is closed after its last commit."})
final class PlatformCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "Address every listener binds to (default: ${DEFAULT-VALUE}). Any other address requires a bearer token on the web side.")
    String bind;

    @Option(names = "--ct-coap-port", paramLabel = "PORT", defaultValue = "5683", converter = PortNumber.class, description = "China Telecom ZZHC over CoAP (default: ${DEFAULT-VALUE}).")
    int ctCoapPort;

    @Option(names = "--ct-http-port", paramLabel = "PORT", defaultValue = "9999", converter = PortNumber.class, description = "China Telecom ZZHC over HTTP (default: ${DEFAULT-VALUE}).")
    int ctHttpPort;

    @Option(names = "--dm-port", paramLabel = "PORT", defaultValue = "5685", converter = PortNumber.class, description = "China Mobile CMDMP over LwM2M/CoAP (default: ${DEFAULT-VALUE}).")
    int dmPort;

    @Option(names = "--web-port", paramLabel = "PORT", defaultValue = "8080", converter = PortNumber.class, description = "REST API, /metrics and the dashboard (default: ${DEFAULT-VALUE}).")
    int webPort;

    @Option(names = "--db", paramLabel = "JDBC-URL",
            description = "Store in this database (e.g. jdbc:postgresql://127.0.0.1/selfreg?user=...); default: an H2 file under --data-dir.")
    String db;

    @Option(names = "--data-dir", defaultValue = "selfreg-data", paramLabel = "DIR",
            description = "Where the embedded store lives (default: ./${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--dm-app", paramLabel = "APPKEY=PASSWORD",
            description = "A CMDMP application whose endpoints the platform can decrypt (repeatable).")
    List<String> dmApps = new ArrayList<>();

    @Option(names = "--strict", description = "Reject CMDMP endpoints with an unknown APPkey (default: accept and flag them).")
    boolean strict;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "Bearer token for the REST API and dashboard (required off loopback; generated and printed when not given).")
    String token;

    @Mixin
    ProductOption product;

    @Mixin
    PcapOption pcap;

    @Override
    public Integer call() throws InterruptedException {
        try {
            DmApplications.parse(dmApps);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PlatformSettings settings = new PlatformSettings(bind, ctCoapPort, ctHttpPort, dmPort, webPort,
                Optional.ofNullable(db), dataDir, dmApps, strict, Optional.ofNullable(token), product.declared());
        PrintStream out = System.out;
        CountDownLatch stopped = new CountDownLatch(1);
        LabPlatform platform;
        PlatformTime time = PlatformTime.system();
        WireRecorder wire;
        try {
            wire = pcap.open(time.clock());
        } catch (IllegalArgumentException e) {
            time.close();
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        try {
            platform = LabPlatform.start(settings, time, wire);
        } catch (IllegalArgumentException e) {
            // the platform's own check of a setting, such as the token's shape
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            platform.close();
            pcap.report(wire, System.err);
            stopped.countDown();
        }, "platform-shutdown"));
        platform.listeningLines().forEach(out::println);
        int web = platform.ports().get("web");
        out.println("dashboard http://" + bind + ":" + web + "/");
        if (platform.token().isPresent() && token == null) {
            out.println("token " + platform.token().get() + "   (send as 'Authorization: Bearer <token>', or open /?token=<token>)");
        }
        out.flush();
        stopped.await();
        return 0;
    }
}
