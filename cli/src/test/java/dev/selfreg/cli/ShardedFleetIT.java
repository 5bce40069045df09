package dev.selfreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.lab.LabApplication;
import dev.selfreg.platform.store.PostgresDatabases;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One deployment served by several processes, as a person sets it up: two {@code selfreg platform} processes on
 * one PostgreSQL database, and two {@code selfreg fleet --shard i/2 --platform URL} processes, one against each.
 */
class ShardedFleetIT {

    @TempDir
    Path dir;

    @Test
    void twoFleetSharesAgainstTwoPlatformsOnOneDatabaseEachPassAndTheDatabaseHoldsTheWholeFleet() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = PostgresDatabases.create(postgres, "deployment");
            List<Process> processes = new ArrayList<>();
            try {
                List<String> platforms = new ArrayList<>();
                for (int i = 1; i <= 2; i++) {
                    Process platform = new ProcessBuilder(ModuleProcess.command("platform", "--ct-coap-port", "0",
                            "--ct-http-port", "0", "--dm-port", "0", "--web-port", "0", "--db", url, "--dm-app",
                            LabApplication.APP_KEY + "=" + LabApplication.PASSWORD))
                            .redirectError(dir.resolve("platform-" + i + ".log").toFile()).start();
                    processes.add(platform);
                    platforms.add(webAddress(platform, dir.resolve("platform-" + i + ".log")));
                }
                List<Process> fleets = new ArrayList<>();
                for (int i = 1; i <= 2; i++) {
                    Process fleet = new ProcessBuilder(ModuleProcess.command("fleet", "--ct", "6", "--cmcc", "6",
                            "--days", "2", "--platform", platforms.get(i - 1), "--shard", i + "/2"))
                            .redirectOutput(dir.resolve("fleet-" + i + ".out").toFile())
                            .redirectError(dir.resolve("fleet-" + i + ".err").toFile()).start();
                    processes.add(fleet);
                    fleets.add(fleet);
                }
                for (int i = 1; i <= 2; i++) {
                    Process fleet = fleets.get(i - 1);
                    assertThat(fleet.waitFor(120, TimeUnit.SECONDS)).as("fleet %d ended", i).isTrue();
                    String output = Files.readString(dir.resolve("fleet-" + i + ".out"));
                    assertThat(fleet.exitValue()).as(output + Files.readString(dir.resolve("fleet-" + i + ".err")))
                            .isZero();
                    assertThat(output).contains("this is share " + i + "/2: 3 China Telecom and 3 China Mobile modules",
                            "platform " + platforms.get(i - 1), "fleet PASSED");
                    assertThat(output).containsPattern("yes +China Telecom registrations the modules had"
                            + " acknowledged, in the platform's records +3 +3");
                    assertThat(output).containsPattern("yes +object 666 reads decrypted and stored \\(one per"
                            + " acknowledged Register and Update\\) +9 +9");
                }
            } finally {
                processes.forEach(Process::destroyForcibly);
            }
            try (Connection connection = postgres.getDatabase("postgres", "deployment").getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet counts = statement.executeQuery("SELECT (SELECT COUNT(DISTINCT imei) FROM ct_registration),"
                         // a device saved since the platforms' last fold is in dm_device_change only
                         + " (SELECT COUNT(*) FROM (SELECT endpoint FROM dm_device"
                         + " UNION SELECT endpoint FROM dm_device_change) d),"
                         + " (SELECT COUNT(*) FROM dm_event WHERE kind = 'read')")) {
                counts.next();
                assertThat(counts.getInt(1)).as("China Telecom modules stored").isEqualTo(6);
                assertThat(counts.getInt(2)).as("CMDMP devices stored").isEqualTo(6);
                assertThat(counts.getInt(3)).as("object 666 reads stored").isEqualTo(6 * 3);
            }
        }
    }

    @Test
    void aFleetAgainstAPlatformThatIsNotThereSaysSoAndExits69() throws Exception {
        CliRun run = CliRun.of("fleet", "--ct", "1", "--cmcc", "0", "--days", "1", "--platform", "http://127.0.0.1:9");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(run.err()).contains("selfreg fleet: no platform answers at http://127.0.0.1:9");
    }

    @Test
    void optionsThatSetUpTheFleetsOwnPlatformAreRefusedWithPlatform() throws Exception {
        CliRun run = CliRun.of("fleet", "--platform", "http://127.0.0.1:9", "--db", "jdbc:h2:mem:x");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--db set up this process's own platform; with --platform give them to that"
                + " `selfreg platform` instead");
    }

    @Test
    void aShardThatIsNotIOverNIsAUsageError() throws Exception {
        CliRun run = CliRun.of("fleet", "--shard", "3/2");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("a shard is i/n with 1 <= i <= n, not 3/2");
    }

    /** The platform's web address, from its {@code listening web HOST:PORT} line. */
    private static String webAddress(Process platform, Path log) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(platform.getInputStream(),
                StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("listening web ")) {
                return "http://" + line.substring("listening web ".length());
            }
        }
        throw new AssertionError("the platform ended before it listened: " + Files.readString(log));
    }
}
