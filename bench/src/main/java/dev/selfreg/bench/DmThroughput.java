package dev.selfreg.bench;

import dev.selfreg.platform.CoapEndpointSettings;
import dev.selfreg.platform.PlatformMetrics;
import dev.selfreg.platform.PlatformRecords;
import dev.selfreg.platform.dm.DmApplications;
import dev.selfreg.platform.dm.DmService;
import dev.selfreg.platform.store.JdbcPlatformStore;
import dev.selfreg.protocol.cmdmp.DmCipher;
import dev.selfreg.protocol.cmdmp.DmEndpointName;
import dev.selfreg.protocol.cmdmp.DmEpi;
import dev.selfreg.protocol.cmdmp.DmRegister;
import dev.selfreg.protocol.cmdmp.DmTerminalType;
import dev.selfreg.protocol.cmdmp.UriQueryOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.leshan.server.LeshanServer;
import org.eclipse.leshan.server.LeshanServerBuilder;
import org.eclipse.leshan.server.californium.endpoint.CaliforniumServerEndpointsProvider;
import org.eclipse.leshan.server.californium.endpoint.coap.CoapServerProtocolProvider;

/**
 * CMDMP Register+Update pairs per second: the selfreg platform's DM service against a stock
 * Leshan server (in-memory store, default authorizer) answering the same devices, in one run.
 */
final class DmThroughput {

    private static final String PASSWORD = "0123456789ABCDEFGHIJKLMNOPQRSTUV";
    private static final String APP_KEY = "M100000000";
    private static final String IMSI = "460041234567890";

    private DmThroughput() {
    }

    /** One device's two requests, prepared before the clock starts. */
    private record Device(List<UriQueryOption> register, UriQueryOption epi) {
    }

    static void run(int devices, int inFlight) throws Exception {
        DmCipher cipher = new DmCipher(PASSWORD);
        Device[] prepared = new Device[devices];
        for (int i = 0; i < devices; i++) {
            String imei = String.format("86999%010d", i);
            String endpoint = DmEndpointName.build(DmTerminalType.INTERFACE, imei, IMSI, APP_KEY, cipher).text();
            prepared[i] = new Device(new DmRegister(endpoint, 86400).queryOptions(),
                    DmEpi.build(imei, IMSI, cipher).queryOption());
        }
        // a Register and an Update per device and round
        LoadClients.checkBudget(2L * devices * Rounds.PER_SIDE);
        Path data = Files.createTempDirectory("selfreg-bench-dm");
        LeshanServer stock = stockLeshan();
        Rounds.Result result;
        try (JdbcPlatformStore store = JdbcPlatformStore.openEmbedded(data);
             LoadClients clients = new LoadClients();
             DmService service = new DmService(new PlatformRecords(store), new PlatformMetrics(),
                     DmApplications.parse(List.of(APP_KEY + "=" + PASSWORD)), false, Clock.systemUTC())) {
            service.start("127.0.0.1", 0);
            stock.start();
            int stockPort = stock.getEndpoints().get(0).getURI().getPort();
            result = Rounds.measure(() -> pairsPerSecond(clients, stockPort, prepared, inFlight),
                    () -> pairsPerSecond(clients, service.port(), prepared, inFlight));
        } finally {
            stock.destroy();
            PlatformThroughput.deleteTree(data);
        }
        result.print("DM", devices + " devices", inFlight, "stock Leshan (in-memory store)",
                "selfreg platform (decrypt, check, H2, read)", "register+update/s", "stock Leshan");
    }

    /** Leshan as it comes, with the platform's CoAP settings. */
    private static LeshanServer stockLeshan() {
        CaliforniumServerEndpointsProvider endpoints = new CaliforniumServerEndpointsProvider.Builder(new CoapServerProtocolProvider())
                .setConfiguration(CoapEndpointSettings::apply)
                .addEndpoint("coap://127.0.0.1:0")
                .build();
        return new LeshanServerBuilder().setEndpointsProviders(endpoints).build();
    }

    private static double pairsPerSecond(LoadClients clients, int port, Device[] devices, int inFlight)
            throws Exception {
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
