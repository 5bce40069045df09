package dev.selfreg.platform.store;

import dev.selfreg.protocol.cmdmp.DmDialect;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Table {@code dm_event}: its SQL, and a {@link DmEvent} as its row and back. */
final class DmEventTable {

    static final String INSERT = "INSERT INTO dm_event (time, endpoint, imei, kind, outcome, reason, dialect)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)";

    /** The same with the event's id, which the journal gave it; the values of {@link #valuesWithId}. */
    static final String INSERT_WITH_ID = "INSERT INTO dm_event (id, time, endpoint, imei, kind, outcome, reason,"
            + " dialect) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    static final String NEWEST_ID = "SELECT COALESCE(MAX(id), 0) FROM dm_event";

    static final String NEWEST_FIRST = "SELECT id, time, endpoint, imei, kind, outcome, reason, dialect FROM dm_event"
            + " WHERE id < ? ORDER BY id DESC";

    private DmEventTable() {
    }

    /** The values of {@link #INSERT}. */
    static Object[] values(DmEvent e) {
        return new Object[] {e.time(), e.endpoint(), e.imei(), e.kind(), e.outcome(), e.reason(),
            Columns.dialect(e.dialect(), DmDialect::code)};
    }

    /** The values of {@link #INSERT_WITH_ID}. */
    static Object[] valuesWithId(DmEvent e) {
        return new Object[] {e.id(), e.time(), e.endpoint(), e.imei(), e.kind(), e.outcome(), e.reason(),
            Columns.dialect(e.dialect(), DmDialect::code)};
    }

    static DmEvent read(ResultSet row) throws SQLException {
        return new DmEvent(row.getLong(1), Columns.instant(row, 2), row.getString(3), row.getString(4),
                row.getString(5), row.getString(6), row.getString(7), Columns.dialect(row, 8, DmDialect::parse));
    }
}
