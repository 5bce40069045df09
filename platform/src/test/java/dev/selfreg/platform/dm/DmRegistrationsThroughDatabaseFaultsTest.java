package dev.selfreg.platform.dm;

import static dev.selfreg.platform.dm.DmLab.ENDPOINT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.platform.dm.DmCoapClient.Answer;
import dev.selfreg.platform.store.RestartablePostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DM service on a real PostgreSQL server that is stopped with {@code pg_ctl stop -m immediate} and started
 * again: a Register while the database is down is refused with 5.03 (no registration), counted by reason, and once
 * it is back a Register is accepted again without a restart, each accepted one recorded exactly once.
 */
class DmRegistrationsThroughDatabaseFaultsTest {

    @TempDir
    Path dir;
    private DmLab lab;

    @AfterEach
    void close() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void aRegisterWhileTheDatabaseIsDownIs503AndOnceItIsBackRegistersAgainWithEachAcceptedOneRecordedOnce()
            throws Exception {
        try (RestartablePostgres postgres = RestartablePostgres.start(dir.resolve("pgdata"))) {
            lab = DmLab.onDatabase(postgres.createDatabase("selfreg"));
            assertThat(DmCoapClient.register(lab, ENDPOINT, 300).code()).isEqualTo("2.01");

            postgres.stopImmediately();
            Answer refused = DmCoapClient.register(lab, ENDPOINT, 300);

            assertThat(refused.code()).isEqualTo("5.03");
            assertThat(refused.location()).isEmpty();
            assertThat(refused.payload()).isEqualTo("not stored: database unreachable");
            assertThat(lab.metrics.total("dm", "refused", "database unreachable")).isEqualTo(1);

            postgres.startAgain();
            Answer again = DmCoapClient.register(lab, ENDPOINT, 300);

            assertThat(again.code()).isEqualTo("2.01");
            assertThat(lab.events("register")).as("one record per acknowledged Register").hasSize(2);
            assertThat(lab.device(ENDPOINT).state()).isEqualTo("registered");
            lab.close();
            lab = null;
        }
    }
}
