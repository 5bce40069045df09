package dev.selfreg.platform.ct;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.api.Trigger;

/**
 * An H2 trigger that holds every insert into its table until the test lets go: a database that commits nothing for
 * as long as the test says, however fast the machine, so that a store's queue fills by count, not by time. The store
 * must run in the test's JVM (an in-process H2), since the trigger finds its hold by the number ending its name.
 * A hold not released in {@link #LONGEST} lets go by itself, so a failing test never leaves the writer stuck.
 */
public final class HeldInserts implements Trigger {

    /** The longest an insert is held, whatever the test does. */
    private static final Duration LONGEST = Duration.ofMinutes(2);
    private static final Map<Long, Hold> HOLDS = new ConcurrentHashMap<>();
    private static final AtomicLong NUMBERS = new AtomicLong();

    private Hold hold;

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type) {
        hold = HOLDS.get(Long.parseLong(trigger.substring(trigger.lastIndexOf('_') + 1)));
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (hold == null) {
            return;
        }
        hold.entered.countDown();
        try {
            hold.released.await(LONGEST.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while held", e);
        }
    }

    /**
     * Holds every insert into {@code table} of the database at {@code jdbcUrl} from now on, until released.
     *
     * @param jdbcUrl the platform's own database, opened a second time in this JVM: H2 shares it
     */
    public static Hold on(String jdbcUrl, String table) throws SQLException {
        long number = NUMBERS.incrementAndGet();
        Hold hold = new Hold(number);
        HOLDS.put(number, hold);
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
                Statement sql = connection.createStatement()) {
            sql.execute("CREATE TRIGGER held_" + number + " BEFORE INSERT ON " + table + " FOR EACH ROW CALL '"
                    + HeldInserts.class.getName() + "'");
        }
        return hold;
    }

    /** One table's hold: the writer stops at its first insert there until {@link #release()}. */
    public static final class Hold implements AutoCloseable {
        private final long number;
        private final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        private Hold(long number) {
            this.number = number;
        }

        /** Waits until an insert is held: the store's writer is stuck in its group from then on. */
        public void awaitHeldInsert(Duration atMost) throws InterruptedException {
            if (!entered.await(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("no insert reached the held table within " + atMost);
            }
        }

        /** Lets the held insert and every later one through. */
        public void release() {
            released.countDown();
        }

        /** Releases, and forgets the hold. */
        @Override
        public void close() {
            release();
            HOLDS.remove(number);
        }
    }
}
