package dev.selfreg.platform.ct;

import java.sql.Connection;
import java.util.concurrent.locks.LockSupport;
import org.h2.api.Trigger;

/**
 * An H2 trigger that makes every insert into its table slow: a real database, slower than the load offered to it.
 * Its delay per row, in microseconds, ends the trigger's name ({@code CREATE TRIGGER slow_1000 ...}).
 */
public final class SlowInserts implements Trigger {

    private long delayNanos;

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type) {
        delayNanos = 1_000L * Long.parseLong(trigger.substring(trigger.lastIndexOf('_') + 1));
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) {
        LockSupport.parkNanos(delayNanos);
    }

    /** The SQL that slows every insert into {@code table} by {@code micros} per row. */
    public static String create(String table, long micros) {
        return "CREATE TRIGGER slow_" + micros + " BEFORE INSERT ON " + table + " FOR EACH ROW CALL '"
                + SlowInserts.class.getName() + "'";
    }
}
