package dev.selfreg.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.selfreg.platform.store.DmJournalFrames.Entry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store's CMDMP journal ({@link DmJournal}): a save is read at once, reaches the tables at the next
 * import, and what a killed platform left in the journal is imported at the next start.
 */
class EmbeddedStoreJournalTest {

    private static final Instant T0 = Instant.parse("2026-12-03T08:00:00Z");
    private static final String ENDPOINT = "I@#@abc@#@M100000000@#@869999000000001@#@v2.0";

    @TempDir
    Path data;

    private int count(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("selfreg"));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static DmDevice device(String imsi, Instant seen) {
        return new DmDevice(ENDPOINT, "869999000000001", imsi, "M100000000", "I", "registered", 86400, T0, seen,
                "reg-1", true, Map.of(6601, "interface"));
    }

    private static DmEvent event(String kind, Instant at) {
        return new DmEvent(0, at, ENDPOINT, "869999000000001", kind, "ok", "");
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(data.resolve(JdbcPlatformStore.JOURNAL_DIR))) {
            return files.filter(f -> f.toString().endsWith(".log")).sorted().toList();
        }
    }

    @Test
    void aSaveIsReadAtOnceAndReachesTheTablesByTheClose() throws Exception {
        DmDevice saved = device("460041111111111", T0);
        DmEvent stored;
        try (JdbcPlatformStore store = JdbcPlatformStore.openEmbedded(data)) {
            stored = store.save(saved, event("register", T0));

            assertThat(count("SELECT COUNT(*) FROM dm_event")).as("not imported yet").isZero();
            assertThat(store.dmDevice(ENDPOINT)).contains(saved);
            assertThat(store.dmDevices(null, 10)).containsExactly(saved);
            assertThat(store.dmEvents(10)).containsExactly(stored);
        }
        assertThat(count("SELECT COUNT(*) FROM dm_event")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM dm_device WHERE imsi = '460041111111111'")).isEqualTo(1);
        assertThat(segments()).as("every segment imported and deleted").isEmpty();
        try (JdbcPlatformStore store = JdbcPlatformStore.openEmbedded(data)) {
            assertThat(store.dmEvents(10)).containsExactly(stored);
            assertThat(store.dmDevice(ENDPOINT)).contains(saved);
        }
    }

    @Test
    void aSaveAfterTheStoreClosedIsRefusedAsClosedAndNotJournaled() throws Exception {
        JdbcPlatformStore store = JdbcPlatformStore.openEmbedded(data);
        store.close();

        assertThatThrownBy(() -> store.save(device("460041111111111", T0), event("register", T0)))
                .isInstanceOfSatisfying(StoreUnavailableException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(StoreUnavailableException.Reason.CLOSED));
        assertThat(segments()).as("nothing written after the close").isEmpty();
    }

    @Test
    void aRecordTooLongForItsColumnIsRefusedBeforeTheJournalSoTheImportsGoOn() throws Exception {
        DmDevice longImsi = device("4".repeat(33), T0);
        DmEvent stored;
        try (JdbcPlatformStore store = JdbcPlatformStore.openEmbedded(data)) {
            assertThatThrownBy(() -> store.save(longImsi, event("register", T0)))
                    .isInstanceOf(StoreException.class).hasMessageContaining("dm_device.imsi");
            assertThat(store.journalBacklog()).as("nothing journaled").isZero();
            stored = store.save(device("460041111111111", T0), event("register", T0));
        }
        assertThat(count("SELECT COUNT(*) FROM dm_event")).as("the import took the record that fits").isEqualTo(1);
        try (JdbcPlatformStore store = JdbcPlatformStore.openEmbedded(data)) {
            assertThat(store.dmEvents(10)).containsExactly(stored);
        }
    }

    @Test
    void whileTheMostRecordsWaitForTheDatabaseASaveIsRefusedAsQueueFullAndAnImportAskedFor() throws Exception {
        DmJournal journal = DmJournal.open(data.resolve("journal"), 0);
        AtomicInteger asked = new AtomicInteger();
        journal.importEvery(Integer.MAX_VALUE, asked::incrementAndGet);
        try {
            DmEvent e = event("read", T0);
            byte[] record = DmJournalFrames.record(e, null);
            for (int i = 0; i < DmJournal.MAX_PENDING; i++) {
                journal.write(e, null, record);
            }
            assertThat(asked).as("no import asked for while they fit").hasValue(0);

            assertThatThrownBy(() -> journal.write(e, null, record))
                    .isInstanceOfSatisfying(StoreUnavailableException.class,
                            refused -> assertThat(refused.reason())
                                    .isEqualTo(StoreUnavailableException.Reason.QUEUE_FULL));
            assertThat(asked).hasValue(1);
            assertThat(journal.backlog()).isEqualTo(DmJournal.MAX_PENDING);
        } finally {
            journal.close();
        }
    }

    @Test
    void aSaveOnAnInterruptedThreadIsJournaledAndTheJournalStaysOpenForTheNext() throws Exception {
        try (JdbcPlatformStore store = JdbcPlatformStore.openEmbedded(data)) {
            Thread.currentThread().interrupt();
            DmEvent first;
            try {
                first = store.add(event("register", T0));
            } finally {
                assertThat(Thread.interrupted()).as("the interrupt is the caller's still").isTrue();
            }
            DmEvent second = store.add(event("update", T0.plusSeconds(1)));

            assertThat(second.id()).isGreaterThan(first.id());
            assertThat(store.dmEvents(10)).containsExactly(second, first);
        }
        assertThat(count("SELECT COUNT(*) FROM dm_event")).isEqualTo(2);
    }

    @Test
    void everyFoldEveryRecordsTheJournalIsImportedWhileThePlatformRuns() throws Exception {
        try (JdbcPlatformStore store = JdbcPlatformStore.openEmbedded(data)) {
            for (int i = 0; i < JdbcPlatformStore.FOLD_EVERY; i++) {
                store.add(event("read", T0.plusSeconds(i)));
            }
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> count("SELECT COUNT(*) FROM dm_event") == JdbcPlatformStore.FOLD_EVERY);
            assertThat(store.dmEvents(JdbcPlatformStore.FOLD_EVERY + 1)).hasSize(JdbcPlatformStore.FOLD_EVERY);
        }
    }

    @Test
    void eventsReadNewestFirstAcrossTheTableAndTheJournal() {
        try (JdbcPlatformStore store = JdbcPlatformStore.openEmbedded(data)) {
            store.add(event("register", T0));
        }
        try (JdbcPlatformStore store = JdbcPlatformStore.openEmbedded(data)) {
            DmEvent update = store.add(event("update", T0.plusSeconds(1)));
            DmEvent read = store.add(event("read", T0.plusSeconds(2)));

            assertThat(store.dmEvents(10)).extracting(DmEvent::kind).containsExactly("read", "update", "register");
            assertThat(store.dmEvents(read.id(), 1)).containsExactly(update);
            assertThat(update.id()).as("ids go on above the database's").isGreaterThan(1);
        }
    }

    @Test
    void whatAKilledPlatformLeftInItsJournalIsImportedAtTheNextStartAndATornLastFrameDropped() throws Exception {
        try (JdbcPlatformStore store = JdbcPlatformStore.openEmbedded(data)) {
            store.add(event("register", T0));
        }
        // a platform killed after writing two frames and part of a third: the journal as it left it
        DmDevice read = device("460042222222222", T0.plusSeconds(1));
        byte[] update = DmJournalFrames.record(event("update", T0.plusSeconds(1)), device("460041111111111", T0));
        byte[] readRecord = DmJournalFrames.record(event("read", T0.plusSeconds(1)), read);
        byte[] torn = DmJournalFrames.record(event("update", T0.plusSeconds(2)), device("460049999999999", T0));
        ByteBuffer left = ByteBuffer.allocate(4096);
        DmJournalFrames.putFrame(left, 2, update);
        DmJournalFrames.putFrame(left, 3, readRecord);
        int whole = left.position();
        DmJournalFrames.putFrame(left, 4, torn);
        byte[] bytes = Arrays.copyOf(left.array(), whole + (left.position() - whole) / 2);
        Files.write(data.resolve(JdbcPlatformStore.JOURNAL_DIR).resolve("00000000000000000007.log"), bytes);

        try (JdbcPlatformStore store = JdbcPlatformStore.openEmbedded(data)) {
            assertThat(count("SELECT COUNT(*) FROM dm_event")).as("imported at the start").isEqualTo(3);
            assertThat(store.dmEvents(10)).extracting(DmEvent::id).containsExactly(3L, 2L, 1L);
            assertThat(store.dmDevice(ENDPOINT)).contains(read);
            assertThat(store.add(event("update", T0.plusSeconds(3))).id()).isEqualTo(4);
        }
        assertThat(segments()).isEmpty();
    }

    @Test
    void framesAlreadyImportedBeforeAKillAreNotImportedTwice() throws Exception {
        DmEvent first;
        try (JdbcPlatformStore store = JdbcPlatformStore.openEmbedded(data)) {
            first = store.save(device("460041111111111", T0), event("register", T0));
        }
        // the segment an import had committed but not yet deleted when the platform was killed
        ByteBuffer left = ByteBuffer.allocate(4096);
        DmJournalFrames.putFrame(left, first.id(),
                DmJournalFrames.record(event("register", T0), device("460041111111111", T0)));
        Files.write(data.resolve(JdbcPlatformStore.JOURNAL_DIR).resolve("00000000000000000009.log"),
                Arrays.copyOf(left.array(), left.position()));

        try (JdbcPlatformStore store = JdbcPlatformStore.openEmbedded(data)) {
            assertThat(count("SELECT COUNT(*) FROM dm_event")).isEqualTo(1);
            assertThat(store.dmEvents(10)).containsExactly(first);
        }
    }

    @Test
    void aSecondPlatformOnTheSameDataIsRefusedWhileTheFirstHasIt() {
        try (JdbcPlatformStore first = JdbcPlatformStore.openEmbedded(data)) {
            assertThatThrownBy(() -> JdbcPlatformStore.openEmbedded(data))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("is in use by another platform");
            assertThat(first.add(event("register", T0)).id()).isEqualTo(1);
        }
    }

    @Test
    void aPlatformOpeningTheFileWithoutTheJournalNumbersItsEventsAboveTheJournals() {
        DmEvent journaled;
        try (JdbcPlatformStore store = JdbcPlatformStore.openEmbedded(data)) {
            store.add(event("register", T0));
            journaled = store.add(event("update", T0));
        }
        try (JdbcPlatformStore store = JdbcPlatformStore.open("jdbc:h2:file:" + data.resolve("selfreg"), null,
                null)) {
            assertThat(store.add(event("read", T0)).id()).isGreaterThan(journaled.id());
        }
    }

    @Test
    void segmentsFollowOneAnotherAndGoOnceEveryRecordInThemIsImported() throws Exception {
        ConnectionSource source = ConnectionSource.of("jdbc:h2:mem:segments;DB_CLOSE_DELAY=-1", null, null);
        Path dir = data.resolve("journal");
        try (StoreConnection connection = StoreConnection.open(source, false, "folds")) {
            SchemaMigrations.migrate(connection.connection());
            DmJournal journal = DmJournal.open(dir, 0, 200);
            try {
                for (int i = 0; i < 5; i++) {
                    DmEvent e = event("read", T0.plusSeconds(i));
                    DmDevice d = device("46004000000000" + i, T0);
                    journal.write(e, d, DmJournalFrames.record(e, d));
                }
                assertThat(segments(dir)).as("a new segment past 200 bytes").hasSizeGreaterThan(2);
                assertThat(journal.events(Long.MAX_VALUE, 10)).hasSize(5);

                assertThat(journal.importInto(connection, new CommitTurns())).isEqualTo(5);
                assertThat(segments(dir)).as("the one being written").hasSize(1);
                assertThat(journal.events(Long.MAX_VALUE, 10)).isEmpty();
                assertThat(journal.device(ENDPOINT)).isEmpty();
            } finally {
                journal.close();
            }
            assertThat(segments(dir)).isEmpty();
        }
    }

    private static List<Path> segments(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".log")).toList();
        }
    }

    @Test
    void aJournaledRecordIsTheOneTheReadsFindUntilItsImport() throws Exception {
        Path dir = data.resolve("journal");
        DmJournal journal = DmJournal.open(dir, 0);
        try {
            DmEvent e = event("update", T0);
            DmDevice d = device("460041111111111", T0);
            DmEvent stored = journal.write(e, d, DmJournalFrames.record(e, d));
            assertThat(journal.device(ENDPOINT)).contains(new DmDeviceTable.Versioned(d, stored.id()));
            assertThat(journal.events(Long.MAX_VALUE, 1)).containsExactly(stored);
        } finally {
            journal.close();
        }
        Entry replayed;
        try (Stream<Path> files = Files.list(dir)) {
            Path segment = files.filter(f -> f.toString().endsWith(".log")).findFirst().orElseThrow();
            replayed = DmJournalFrames.next(ByteBuffer.wrap(Files.readAllBytes(segment)));
        }
        assertThat(replayed.event().kind()).as("left for the next start: nothing imported it").isEqualTo("update");
    }
}
