package dev.selfreg.bench;

import dev.selfreg.platform.core.CoapEndpointSettings;
import dev.selfreg.platform.core.PlatformMetrics;
import dev.selfreg.platform.core.PlatformRecords;
import dev.selfreg.platform.core.PlatformTime;
import dev.selfreg.platform.dm.DmApplications;
import dev.selfreg.platform.dm.DmService;
import dev.selfreg.platform.store.DmEvent;
import dev.selfreg.platform.store.JdbcPlatformStore;
import dev.selfreg.protocol.cmdmp.DmCipher;
import dev.selfreg.protocol.cmdmp.DmEndpointName;
import dev.selfreg.protocol.cmdmp.DmEpi;
import dev.selfreg.protocol.cmdmp.DmRegister;
import dev.selfreg.protocol.cmdmp.TerminalInfo;
import dev.selfreg.protocol.cmdmp.UriQueryOption;
import dev.selfreg.vocabulary.TerminalInfoField;
import dev.selfreg.vocabulary.TerminalType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.core.server.resources.Resource;
import org.eclipse.leshan.core.model.StaticModel;
import org.eclipse.leshan.core.node.LwM2mObjectInstance;
import org.eclipse.leshan.core.node.LwM2mPath;
import org.eclipse.leshan.core.node.LwM2mResource;
import org.eclipse.leshan.core.node.LwM2mSingleResource;
import org.eclipse.leshan.core.node.codec.DefaultLwM2mEncoder;
import org.eclipse.leshan.core.observation.Observation;
import org.eclipse.leshan.core.request.ContentFormat;
import org.eclipse.leshan.core.request.ReadRequest;
import org.eclipse.leshan.server.LeshanServer;
import org.eclipse.leshan.server.LeshanServerBuilder;
import org.eclipse.leshan.server.californium.endpoint.CaliforniumServerEndpointsProvider;
import org.eclipse.leshan.server.californium.endpoint.coap.CoapServerProtocolProvider;
import org.eclipse.leshan.server.registration.Registration;
import org.eclipse.leshan.server.registration.RegistrationListener;
import org.eclipse.leshan.server.registration.RegistrationUpdate;

/**
 * CMDMP Register+Update pairs per second: the selfreg platform's DM service against a stock
 * Leshan server (in-memory store, default authorizer) answering the same devices, in one run.
 * Two more comparisons take the gap apart: against a stock Leshan that also reads {@code /666/0}
 * after each Register and Update, as the platform must (the same CoAP exchanges, nothing decoded,
 * checked or stored), and the platform with a store that keeps nothing (all but the records).
 */
final class DmThroughput {

    /** What is measured against what. */
    enum Comparison {
        /** Stock Leshan against the platform storing in H2: the measurement. */
        STOCK("stock Leshan (in-memory store)", false, "selfreg platform (decrypt, check, H2, read)", true),
        /** Stock Leshan reading /666/0 after each Register and Update against the platform storing in H2. */
        READING("stock Leshan reading /666/0 as the platform does", true,
                "selfreg platform (decrypt, check, H2, read)", true),
        /** Stock Leshan against the platform with a store that keeps nothing. */
        NO_STORE("stock Leshan (in-memory store)", false, "selfreg platform storing nothing (decrypt, check, read)",
                false);

        private final String baselineLabel;
        private final boolean baselineReads;
        private final String platformLabel;
        private final boolean platformStores;

        Comparison(String baselineLabel, boolean baselineReads, String platformLabel, boolean platformStores) {
            this.baselineLabel = baselineLabel;
            this.baselineReads = baselineReads;
            this.platformLabel = platformLabel;
            this.platformStores = platformStores;
        }
    }

    private static final String PASSWORD = "0123456789ABCDEFGHIJKLMNOPQRSTUV";
    private static final String APP_KEY = "M100000000";
    private static final String IMSI = "460041234567890";

    /** The platform's own read timeout is longer; the load client answers at once, so neither waits. */
    private static final long READ_TIMEOUT_MS = 5_000;

    private DmThroughput() {
    }

    /** One device's two requests, prepared before the clock starts. */
    private record Device(List<UriQueryOption> register, UriQueryOption epi) {
    }

    static void run(int devices, int inFlight, Comparison comparison) throws Exception {
        DmCipher cipher = new DmCipher(PASSWORD);
        Device[] prepared = new Device[devices];
        for (int i = 0; i < devices; i++) {
            String imei = String.format("86999%010d", i);
            String endpoint = DmEndpointName.build(TerminalType.INTERFACE, imei, IMSI, APP_KEY, cipher).text();
            prepared[i] = new Device(new DmRegister(endpoint, 86400).queryOptions(),
                    DmEpi.fullForm(TerminalType.INTERFACE, imei, IMSI, APP_KEY, cipher).queryOption());
        }
        // a Register and an Update per device and round, each followed by one read of object 666 where reads are made
        long perSide = 2L * devices * Rounds.PER_SIDE;
        LoadClients.checkBudget(perSide);
        Path data = Files.createTempDirectory("selfreg-bench-dm");
        LeshanServer stock = stockLeshan(comparison.baselineReads);
        Rounds.Result result;
        Map<Integer, LongAdder> served = new ConcurrentHashMap<>();
        Map<String, Long> stored;
        IntSummaryStatistics journalBacklog;
        int stockPort;
        int platformPort;
        try (JdbcPlatformStore store = JdbcPlatformStore.openEmbedded(data);
             LoadClients clients = new LoadClients(List.of(terminalInfo(cipher, served)));
             PlatformTime time = PlatformTime.system();
             DmService service = new DmService(new PlatformRecords(comparison.platformStores ? store : new DiscardingStore()),
                     new PlatformMetrics(),
                     DmApplications.parse(List.of(APP_KEY + "=" + PASSWORD)), false, time)) {
            service.start("127.0.0.1", 0);
            stock.start();
            stockPort = stock.getEndpoints().get(0).getURI().getPort();
            platformPort = service.port();
            IntSummaryStatistics backlog = new IntSummaryStatistics();
            result = Rounds.measure(() -> pairsPerSecond(clients, stockPort, prepared, inFlight, () -> { }),
                    () -> pairsPerSecond(clients, platformPort, prepared, inFlight,
                            () -> backlog.accept(imported(store))));
            journalBacklog = backlog;
            stored = comparison.platformStores ? storedReads(store, perSide) : Map.of();
        } finally {
            stock.destroy();
            PlatformThroughput.deleteTree(data);
        }
        result.print("DM", devices + " devices", inFlight, comparison.baselineLabel, comparison.platformLabel,
                "register+update/s", "stock Leshan");
        System.out.printf("object 666 reads the devices answered: %,d from the baseline, %,d from the platform"
                + " (%,d expected from each reading side)%n", answered(served, stockPort), answered(served, platformPort),
                perSide);
        if (comparison.platformStores) {
            System.out.printf("stored object 666 reads by outcome: %s of %,d%n", stored, perSide);
            System.out.printf("records in the journal when a platform round's last answer came: at most %,d"
                    + " (%,.0f on average); its clock ran on until fewer than %,d were left%n",
                    journalBacklog.getMax(), journalBacklog.getAverage(), JdbcPlatformStore.FOLD_EVERY);
        }
        System.out.println();
    }

    /**
     * The object 666 read events in the store by outcome, once all {@code expected} are there or after a few seconds:
     * a round ends with the last Update's answer, and the read that follows it is still on its way.
     */
    private static Map<String, Long> storedReads(JdbcPlatformStore store, long expected) throws InterruptedException {
        Map<String, Long> reads = Map.of();
        for (int attempt = 0; attempt < 50; attempt++) {
            reads = store.dmEvents(Integer.MAX_VALUE).stream().filter(event -> event.kind().equals("read"))
                    .collect(Collectors.groupingBy(DmEvent::outcome, TreeMap::new, Collectors.counting()));
            if (reads.values().stream().mapToLong(Long::longValue).sum() >= expected) {
                break;
            }
            Thread.sleep(100);
        }
        return reads;
    }

    /** The object 666 reads the devices answered for the server on {@code serverPort}. */
    private static long answered(Map<Integer, LongAdder> served, int serverPort) {
        LongAdder reads = served.get(serverPort);
        return reads == null ? 0 : reads.sum();
    }

    /**
     * Object 666 as a module serves it (the devices answer the platform's reads): one instance, {@code /666/0}, its
     * values encrypted with the application's password, as TLV. Every device answers the same values, and the reads
     * are counted by the port of the server that sent them.
     */
    private static Resource terminalInfo(DmCipher cipher, Map<Integer, LongAdder> served) {
        List<LwM2mResource> resources = new ArrayList<>();
        TerminalInfo.unset(TerminalType.INTERFACE)
                .with(TerminalInfoField.APP_INFO, "selfreg-bench|1.0|1|1")
                .with(TerminalInfoField.MAC, "00:50:56:C0:00:01")
                .with(TerminalInfoField.SW_VER, "BC260YCNAAR01A04")
                .encrypt(cipher)
                .forEach((id, value) -> resources.add(LwM2mSingleResource.newStringResource(id, value)));
        byte[] tlv = new DefaultLwM2mEncoder().encode(new LwM2mObjectInstance(TerminalInfo.INSTANCE_ID, resources),
                ContentFormat.TLV, new LwM2mPath(TerminalInfo.OBJECT_ID, TerminalInfo.INSTANCE_ID),
                new StaticModel(TerminalInfo.objectModel()));
        CoapResource object = new CoapResource(String.valueOf(TerminalInfo.OBJECT_ID));
        object.add(new CoapResource(String.valueOf(TerminalInfo.INSTANCE_ID)) {
            @Override
            public void handleGET(CoapExchange exchange) {
                served.computeIfAbsent(exchange.getSourcePort(), port -> new LongAdder()).increment();
                exchange.respond(ResponseCode.CONTENT, tlv, ContentFormat.TLV_CODE);
            }
        });
        return object;
    }

    /**
     * Leshan as it comes, with the platform's CoAP settings; with {@code reads}, it also reads {@code /666/0} after
     * each Register and Update, as the platform does, and does nothing with the answer.
     */
    private static LeshanServer stockLeshan(boolean reads) {
        CaliforniumServerEndpointsProvider endpoints = new CaliforniumServerEndpointsProvider.Builder(new CoapServerProtocolProvider())
                .setConfiguration(CoapEndpointSettings::apply)
                .addEndpoint("coap://127.0.0.1:0")
                .build();
        LeshanServer server = new LeshanServerBuilder().setEndpointsProviders(endpoints).build();
        if (reads) {
            server.getRegistrationService().addListener(new RegistrationListener() {
                @Override
                public void registered(Registration registration, Registration previous,
                        Collection<Observation> observations) {
                    readTerminalInfo(server, registration);
                }

                @Override
                public void updated(RegistrationUpdate update, Registration updated, Registration previous) {
                    readTerminalInfo(server, updated);
                }

                @Override
                public void unregistered(Registration registration, Collection<Observation> observations,
                        boolean expired, Registration newRegistration) {
                }
            });
        }
        return server;
    }

    private static void readTerminalInfo(LeshanServer server, Registration registration) {
        server.send(registration, new ReadRequest(ContentFormat.TLV, TerminalInfo.OBJECT_ID, TerminalInfo.INSTANCE_ID),
                READ_TIMEOUT_MS, response -> { }, error -> { });
    }

    /**
     * Waits, on the round's clock, until what the platform journaled in the round is in its tables, but for the part
     * of a batch that waits for the next import: the import is the platform's cost, not the next round's. Returns the
     * records waiting when it was called.
     */
    private static int imported(JdbcPlatformStore store) {
        int waiting = store.journalBacklog();
        while (store.journalBacklog() >= JdbcPlatformStore.FOLD_EVERY) {
            LockSupport.parkNanos(100_000);
        }
        return waiting;
    }

    /**
     * The rate of one round: {@code devices} each registering and updating, {@code inFlight} at once; the clock
     * stops once the last Update is answered and {@code settled} has run.
     */
    private static double pairsPerSecond(LoadClients clients, int port, Device[] devices, int inFlight,
            Runnable settled) throws Exception {
        Semaphore window = new Semaphore(inFlight);
        AtomicInteger failed = new AtomicInteger();
        CompletableFuture<?>[] pairs = new CompletableFuture<?>[devices.length];
        long start = System.nanoTime();
        for (int i = 0; i < devices.length; i++) {
            window.acquire();
            Device device = devices[i];
            // a device registers and updates from one address, as a module does
            CoapClient client = clients.client(i);
            pairs[i] = send(client, register(port, device), ResponseCode.CREATED)
                    .thenCompose(created -> send(client, update(port, created, device), ResponseCode.CHANGED))
                    .whenComplete((done, error) -> {
                        if (error != null) {
                            failed.incrementAndGet();
                        }
                        window.release();
                    });
        }
        CompletableFuture.allOf(pairs).exceptionally(e -> null).get(5, TimeUnit.MINUTES);
        settled.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " register/update pairs failed on port " + port);
        }
        return devices.length / seconds;
    }

    private static Request register(int port, Device device) {
        Request request = Request.newPost();
        request.setURI("coap://127.0.0.1:" + port + "/" + DmRegister.PATH);
        device.register().forEach(option -> request.getOptions().addUriQuery(option.text()));
        request.getOptions().setContentFormat(DmRegister.CONTENT_FORMAT);
        request.setPayload(DmRegister.PAYLOAD);
        return request;
    }

    private static Request update(int port, CoapResponse created, Device device) {
        Request request = Request.newPost();
        request.setURI("coap://127.0.0.1:" + port + "/" + created.getOptions().getLocationPathString());
        request.getOptions().addUriQuery(device.epi().text());
        return request;
    }

    private static CompletableFuture<CoapResponse> send(CoapClient client, Request request, ResponseCode expected) {
        CompletableFuture<CoapResponse> answer = new CompletableFuture<>();
        client.advanced(new CoapHandler() {
            @Override
            public void onLoad(CoapResponse response) {
                if (response.getCode() == expected) {
                    answer.complete(response);
                } else {
                    answer.completeExceptionally(new IllegalStateException("answered " + response.getCode()));
                }
            }

            @Override
            public void onError() {
                answer.completeExceptionally(new IllegalStateException("no answer"));
            }
        }, request);
        return answer;
    }
}
