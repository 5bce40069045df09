package dev.selfreg.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.selfreg.platform.ct.ReportLoad;
import dev.selfreg.platform.dm.RegistrationLoad;
import dev.selfreg.platform.store.CtRegistration;
import dev.selfreg.platform.store.DmDevice;
import dev.selfreg.platform.store.DmEvent;
import dev.selfreg.platform.store.JdbcPlatformStore;
import dev.selfreg.platform.store.PostgresDatabases;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several platform processes on one PostgreSQL serve one deployment: two started at once on a fresh database (each
 * migrating it), each taking ZZHC reports and CMDMP Registers from devices of its own, and the database holds every
 * report and registration either acknowledged, once. (A Register still in flight when its client stopped may be stored
 * too, unacknowledged.)
 */
class PlatformsSharingPostgresTest {

    private static final int NODES = 2;
    private static final int REPORTS_PER_NODE = 150;
    private static final int REGISTERS_PER_NODE = 10;

    @TempDir
    Path logs;

    @Test
    void twoPlatformProcessesOnOneDatabaseStoreEverythingEitherAcknowledgedOnce() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = PostgresDatabases.create(postgres, "deployment");
            List<Process> nodes = new ArrayList<>();
            Set<String> reports = new HashSet<>();
            Set<String> registrations = new HashSet<>();
            try {
                for (int node = 0; node < NODES; node++) {
                    nodes.add(PlatformProcess.start(url, RegistrationLoad.application(),
                            logs.resolve("node-" + node + ".log")));
                }
                for (int node = 0; node < NODES; node++) {
                    Map<String, Integer> ports = PlatformProcess.ports(nodes.get(node), logs.resolve("node-" + node + ".log"));
                    long firstDevice = (node + 1) * 1_000_000L;
                    try (ReportLoad load = ReportLoad.start(ports.get("ct-coap"), 16, REPORTS_PER_NODE,
                            Duration.ofMillis(1), firstDevice);
                         RegistrationLoad registering = RegistrationLoad.start(ports.get("dm"), 2, firstDevice)) {
                        await().atMost(Duration.ofSeconds(30)).until(() -> load.acknowledged() == REPORTS_PER_NODE
                                && registering.acknowledgedEndpoints().size() >= REGISTERS_PER_NODE);
                        registering.close();
                        reports.addAll(load.acknowledgedImeis());
                        registrations.addAll(registering.acknowledgedEndpoints());
                    }
                }
                for (Process node : nodes) {
                    node.getOutputStream().close();
                    assertThat(node.waitFor(30, TimeUnit.SECONDS)).as("the platform stopped").isTrue();
                }
            } finally {
                nodes.forEach(Process::destroyForcibly);
            }
            try (JdbcPlatformStore store = JdbcPlatformStore.open(url, null, null)) {
                assertThat(counted(store.ctRegistrations(null, Integer.MAX_VALUE), CtRegistration::imei))
                        .as("reports stored, by IMEI").containsOnlyKeys(reports).allSatisfy((imei, times) ->
                                assertThat(times).as(imei).isEqualTo(1L));
                assertThat(counted(store.dmEvents(Integer.MAX_VALUE).stream()
                        .filter(event -> event.kind().equals("register")).toList(), DmEvent::endpoint))
                        // a Register in flight when its client stopped may be stored unacknowledged
                        .as("registers stored, by endpoint").containsKeys(registrations.toArray(String[]::new))
                        .allSatisfy((endpoint, times) -> assertThat(times).isEqualTo(1L));
                assertThat(store.dmDevices(null, Integer.MAX_VALUE).stream().map(DmDevice::endpoint))
                        .containsAll(registrations);
            }
        }
    }

    private static <T> Map<String, Long> counted(List<T> records, Function<T, String> key) {
        return records.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }
}
