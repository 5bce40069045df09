package dev.selfreg.bench;

import dev.selfreg.lab.fleet.Fleet;
import dev.selfreg.lab.fleet.FleetPlan;
import dev.selfreg.lab.fleet.FleetReport;
import dev.selfreg.platform.PlatformSettings;
import dev.selfreg.platform.dm.DmLeshanClient;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.leshan.core.endpoint.Protocol;
import org.eclipse.leshan.server.LeshanServer;
import org.eclipse.leshan.server.LeshanServerBuilder;
import org.eclipse.leshan.server.californium.endpoint.CaliforniumServerEndpointsProvider;
import org.eclipse.leshan.server.californium.endpoint.coap.CoapServerProtocolProvider;

/**
 * Heap per idle registered module, selfreg's emulated BC260Y-CN against a stock Eclipse Leshan client
 * (leshan-client-cf), in one run: the heap after a full GC with N modules registered, minus the heap with none,
 * divided by N. The selfreg modules are a fleet (half China Telecom, half China Mobile) against the lab platform,
 * records in an H2 file, measured an hour of module time after power-on, when every one has registered and sleeps;
 * the Leshan clients (Security, Server, Device) register to a stock Leshan server on loopback. Each side's figure
 * includes what its server keeps per registration.
 *
 * <p>{@code java -Xmx8g -XX:+UseSerialGC -cp bench/target/benchmarks.jar dev.selfreg.bench.IdleModuleHeap
 * [selfreg-modules] [leshan-clients]} (defaults 2000 and 1000; 0 Leshan clients measures selfreg alone).
 */
public final class IdleModuleHeap {

    private static final Duration REGISTRATION_BOUND = Duration.ofMinutes(5);

    private IdleModuleHeap() {
    }

    public static void main(String[] args) throws Exception {
        int modules = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        double selfreg = selfregBytesPerModule(modules);
        System.out.printf("selfreg modules: %,d registered, %,.0f bytes of heap each%n", modules, selfreg);
        if (clients == 0) {
            return;
        }
        double leshan = leshanBytesPerClient(clients);
        System.out.printf("Leshan clients:  %,d registered, %,.0f bytes of heap each%n", clients, leshan);
        System.out.printf("ratio selfreg/Leshan: %.3f (target: at most 20 KB per selfreg module: %s)%n",
                selfreg / leshan, selfreg <= 20 * 1024 ? "met" : "NOT met");
    }

    /** A fleet run of one day, measured in its progress: before any module exists, and after its first hour. */
    private static double selfregBytesPerModule(int modules) throws Exception {
        Path dir = Files.createTempDirectory("idle-module-heap");
        PlatformSettings settings = new PlatformSettings("127.0.0.1", 0, 0, 0, 0,
                Optional.of("jdbc:h2:file:" + dir.resolve("fleet")), dir, List.of(), false, Optional.empty());
        long[] heap = new long[2];
        FleetReport report = Fleet.run(settings, new FleetPlan(modules / 2, modules - modules / 2, 1, Duration.ofDays(1)),
                new Fleet.Progress() {
                    @Override
                    public void started(List<String> listening) {
                        heap[0] = heapAfterGc();
                    }

                    @Override
                    public void advanced(Duration done, Duration total) {
                        if (done.equals(Duration.ofHours(1))) {
                            heap[1] = heapAfterGc();
                        }
                    }
                });
        if (!report.passed()) {
            throw new IllegalStateException("the fleet did not register as expected:\n" + report.table());
        }
        return (heap[1] - heap[0]) / (double) modules;
    }

    private static double leshanBytesPerClient(int clients) throws Exception {
        LeshanServerBuilder builder = new LeshanServerBuilder();
        builder.setEndpointsProviders(new CaliforniumServerEndpointsProvider.Builder(new CoapServerProtocolProvider())
                .addEndpoint(new InetSocketAddress("127.0.0.1", 0), Protocol.COAP).build());
        LeshanServer server = builder.build();
        server.start();
        List<DmLeshanClient> started = new ArrayList<>();
        try {
            String uri = "coap://127.0.0.1:" + server.getEndpoint(Protocol.COAP).getURI().getPort();
            long before = heapAfterGc();
            for (int i = 0; i < clients; i++) {
                DmLeshanClient client = DmLeshanClient.plain(String.format("leshan-%06d", i), uri);
                started.add(client);
                client.start();
            }
            long deadline = System.nanoTime() + REGISTRATION_BOUND.toNanos();
            while (registrations(server) < clients) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(registrations(server) + " of " + clients
                            + " Leshan clients registered within " + REGISTRATION_BOUND);
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
            return (heapAfterGc() - before) / (double) clients;
        } finally {
            started.forEach(DmLeshanClient::close);
            server.destroy();
        }
    }

    private static int registrations(LeshanServer server) {
        int count = 0;
        for (Iterator<?> it = server.getRegistrationService().getAllRegistrations(); it.hasNext(); it.next()) {
            count++;
        }
        return count;
    }

    /** The heap in use after full collections, once it no longer shrinks. */
    static long heapAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (now >= used) {
                return now;
            }
            used = now;
        }
        return used;
    }
}
