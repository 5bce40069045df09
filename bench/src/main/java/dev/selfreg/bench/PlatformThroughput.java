package dev.selfreg.bench;

import dev.selfreg.capture.record.WireRecorder;
import dev.selfreg.platform.core.CoapEndpointSettings;
import dev.selfreg.platform.core.PlatformMetrics;
import dev.selfreg.platform.core.PlatformRecords;
import dev.selfreg.platform.ct.ZzhcCoapServer;
import dev.selfreg.platform.ct.ZzhcService;
import dev.selfreg.platform.dm.DmApplications;
import dev.selfreg.platform.store.JdbcPlatformStore;
import dev.selfreg.platform.wire.WireJournal;
import dev.selfreg.protocol.zzhc.ZzhcReply;
import dev.selfreg.protocol.zzhc.ZzhcReport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.config.Configuration;

/**
 * The lab platform's throughput on loopback, against baselines measured in the same run:
 * <ul>
 *   <li>ZZHC reports per second through the whole path (CoAP, decode, check, commit to an H2
 *       file; with {@code zzhc-journal} also every datagram to the device's {@link WireJournal}, as a running
 *       platform always does) against a bare Californium server answering the same requests without decoding
 *       or storing;</li>
 *   <li>CMDMP Register+Update pairs per second through the whole path (DM 2.0 endpoint and epi
 *       decrypted and checked, device and events committed to H2, object 666 read attempted)
 *       against a stock Leshan server with its in-memory store.</li>
 * </ul>
 * Bounded: a fixed number of requests per round, a fixed number of rounds ({@link Rounds}).
 */
public final class PlatformThroughput {

    /** ZZHC reports per round: over all rounds, within the load endpoints' message-ID budget ({@link LoadClients}). */
    private static final int REQUESTS = 36_000;
    /** Requests outstanding at once (many modules reporting together). */
    private static final int DEFAULT_IN_FLIGHT = 32;
    private static final int DM_DEVICES = 5_000;

    private PlatformThroughput() {
    }

    /**
     * Runs both measurements, or one.
     *
     * @param args {@code [in-flight] [zzhc|zzhc-journal|dm|dm-reading|dm-nostore]}: requests outstanding at once
     *     (default 32), and what to measure (default {@code zzhc} and {@code dm}); {@code zzhc-journal} runs the
     *     platform's side with the wire journal on, as {@code LabPlatform} does; {@code dm-reading} compares with a
     *     stock Leshan that
     *     reads {@code /666/0} as the platform does, {@code dm-nostore} runs the platform with a store that keeps
     *     nothing (see {@link DmThroughput.Comparison})
     */
    public static void main(String[] args) throws Exception {
        int inFlight = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_IN_FLIGHT;
        String only = args.length > 1 ? args[1] : "";
        switch (only) {
            case "" -> {
                zzhc(inFlight, false);
                DmThroughput.run(DM_DEVICES, inFlight, DmThroughput.Comparison.STOCK);
            }
            case "zzhc" -> zzhc(inFlight, false);
            case "zzhc-journal" -> zzhc(inFlight, true);
            case "dm" -> DmThroughput.run(DM_DEVICES, inFlight, DmThroughput.Comparison.STOCK);
            case "dm-reading" -> DmThroughput.run(DM_DEVICES, inFlight, DmThroughput.Comparison.READING);
            case "dm-nostore" -> DmThroughput.run(DM_DEVICES, inFlight, DmThroughput.Comparison.NO_STORE);
            default -> throw new IllegalArgumentException("measure what? zzhc, zzhc-journal, dm, dm-reading or"
                    + " dm-nostore, not " + only);
        }
    }

    /** @param journal whether the platform's side records every datagram in a {@link WireJournal}, as it runs */
    private static void zzhc(int inFlight, boolean journal) throws Exception {
        byte[][] reports = new byte[REQUESTS][];
        for (int i = 0; i < REQUESTS; i++) {
            reports[i] = ZzhcReport.v2(String.format("86999%010d", i), "Quectel-BC260Y-CN", "BC260YCNAAR01A04",
                    "89860321000000000001", "460111234567890").encode();
        }
        LoadClients.checkBudget((long) REQUESTS * Rounds.PER_SIDE);
        Path data = Files.createTempDirectory("selfreg-bench");
        try (JdbcPlatformStore store = JdbcPlatformStore.openEmbedded(data); LoadClients clients = new LoadClients();
                WireJournal wireJournal = new WireJournal(DmApplications.none(), WireJournal.DEFAULT_BOUNDS)) {
            PlatformMetrics metrics = new PlatformMetrics();
            ZzhcService service = new ZzhcService(new PlatformRecords(store), metrics, Clock.systemUTC());
            CoapServer baseline = bareServer();
            WireRecorder wire = journal ? WireRecorder.none().tappedBy(wireJournal, Clock.systemUTC())
                    : WireRecorder.none();
            ZzhcCoapServer platform = ZzhcCoapServer.start(service, metrics, "127.0.0.1", 0, wire);
            try {
                int baselinePort = baseline.getEndpoints().get(0).getAddress().getPort();
                Rounds.Result result = Rounds.measure(() -> reportsPerSecond(clients, baselinePort, reports, inFlight),
                        () -> reportsPerSecond(clients, platform.port(), reports, inFlight));
                result.print("ZZHC", REQUESTS + " reports", inFlight, "bare Californium (no decode, no store)",
                        "selfreg platform (decode, check, H2" + (journal ? ", wire journal" : "") + ")", "reports/s",
                        "bare");
                System.out.printf("stored: %d registrations%n", store.ctRegistrations(null, Integer.MAX_VALUE).size());
                if (journal) {
                    System.out.printf("wire journal: %d datagram(s) it fell behind on and dropped%n",
                            wireJournal.fellBehind());
                }
                System.out.println();
            } finally {
                baseline.destroy();
                platform.close();
            }
        } finally {
            deleteTree(data);
        }
    }

    /**
     * A Californium server answering every POST on /nb with the success reply, storing nothing; its CoAP settings are
     * the platform's.
     */
    private static CoapServer bareServer() {
        Configuration config = CoapEndpointSettings.standard();
        CoapServer server = new CoapServer(config);
        server.addEndpoint(new CoapEndpoint.Builder().setConfiguration(config)
                .setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0)).build());
        byte[] success = ZzhcReply.SUCCESS.encode();
        server.add(new CoapResource("nb") {
            @Override
            public void handlePOST(CoapExchange exchange) {
                exchange.respond(ResponseCode.CONTENT, success, MediaTypeRegistry.APPLICATION_JSON);
            }
        });
        server.start();
        return server;
    }

    private static double reportsPerSecond(LoadClients clients, int port, byte[][] reports, int inFlight)
            throws InterruptedException {
        String uri = "coap://127.0.0.1:" + port + "/nb";
        Semaphore window = new Semaphore(inFlight);
        CountDownLatch done = new CountDownLatch(reports.length);
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        for (int i = 0; i < reports.length; i++) {
            window.acquire();
            Request request = Request.newPost();
            request.setURI(uri);
            request.setPayload(reports[i]);
            request.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_JSON);
            clients.client(i).advanced(new CoapHandler() {
                @Override
                public void onLoad(CoapResponse response) {
                    if (response.getCode() != ResponseCode.CONTENT) {
                        if (failed.incrementAndGet() < 3) {
                            System.err.println("unexpected " + response.getCode() + " " + response.getResponseText());
                        }
                    }
                    window.release();
                    done.countDown();
                }

                @Override
                public void onError() {
                    if (failed.incrementAndGet() < 3) {
                        System.err.println("error (timeout or reject)");
                    }
                    window.release();
                    done.countDown();
                }
            }, request);
        }
        if (!done.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("round did not finish in 5 minutes");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " requests failed");
        }
        return reports.length / seconds;
    }

    static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
