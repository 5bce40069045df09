package dev.selfreg.cli;

import dev.selfreg.platform.LabPlatform;
import dev.selfreg.platform.PlatformSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code selfreg platform}: the lab platform alone, for real modules in a lab or emulated ones:
 * China Telecom ZZHC (CoAP and HTTP), China Mobile CMDMP (LwM2M), the REST API and dashboard.
 */
@Command(name = "platform", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the lab platform: China Telecom ZZHC over CoAP and HTTP, China Mobile CMDMP over LwM2M,",
                "a store (embedded H2 by default, or PostgreSQL), the REST API and the web dashboard."},
        footer = {"", "Prints one `listening <name> <host>:<port>` line per listener (ct-coap, ct-http, dm, web) when ready.",
                "Runs until Ctrl-C; the store is closed after its last commit."})
final class PlatformCommand implements Callable<Integer> {

    @Option(names = "--bind", defaultValue = "127.0.0.1",
            description = "Address every listener binds to (default: ${DEFAULT-VALUE}). Any other address requires a bearer token on the web side.")
    String bind;

    @Option(names = "--ct-coap-port", defaultValue = "5683", description = "China Telecom ZZHC over CoAP (default: ${DEFAULT-VALUE}).")
    int ctCoapPort;

    @Option(names = "--ct-http-port", defaultValue = "9999", description = "China Telecom ZZHC over HTTP (default: ${DEFAULT-VALUE}).")
    int ctHttpPort;

    @Option(names = "--dm-port", defaultValue = "5685", description = "China Mobile CMDMP over LwM2M/CoAP (default: ${DEFAULT-VALUE}).")
    int dmPort;

    @Option(names = "--web-port", defaultValue = "8080", description = "REST API, /metrics and the dashboard (default: ${DEFAULT-VALUE}).")
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

    @Override
    public Integer call() throws InterruptedException {
        PlatformSettings settings = new PlatformSettings(bind, ctCoapPort, ctHttpPort, dmPort, webPort,
                Optional.ofNullable(db), dataDir, dmApps, strict, Optional.ofNullable(token));
        PrintStream out = System.out;
        CountDownLatch stopped = new CountDownLatch(1);
        LabPlatform platform = LabPlatform.start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            platform.close();
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
