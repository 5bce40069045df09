package dev.selfreg.platform.store;

import dev.selfreg.protocol.zzhc.ZzhcDialect;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Table {@code ct_registration}: its SQL, and a {@link CtRegistration} as its row and back. */
final class CtRegistrationTable {

    static final String INSERT = "INSERT INTO ct_registration (received_at, transport, peer, imei, imsi, iccid, model,"
            + " swver, regver, report_json, dialect) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String SELECT = "SELECT id, received_at, transport, peer, imei, imsi, iccid, model, swver,"
            + " regver, report_json, dialect FROM ct_registration";
    private static final String BEFORE = " WHERE id < ?";
    private static final String MATCHING = " AND (imei LIKE ? OR imsi LIKE ? OR iccid LIKE ?)";
    private static final int SEARCHED_COLUMNS = 3;
    private static final String NEWEST_FIRST = " ORDER BY id DESC";

    private CtRegistrationTable() {
    }

    /**
     * The newest first of those numbered below an id, whose IMEI, IMSI or ICCID contains {@code search} (null: all);
     * the arguments are {@link #args}.
     */
    static String newestFirst(String search) {
        return SELECT + BEFORE + (search == null ? "" : MATCHING) + NEWEST_FIRST;
    }

    static Object[] args(long beforeId, String search) {
        return Columns.before(beforeId, Columns.search(search, SEARCHED_COLUMNS));
    }

    /** The values of {@link #INSERT}. */
    static Object[] values(CtRegistration r) {
        return new Object[] {r.receivedAt(), r.transport(), r.peer(), r.imei(), r.imsi(), r.iccid(), r.model(),
            r.swver(), r.regver(), r.reportJson(), Columns.dialect(r.dialect(), ZzhcDialect::code)};
    }

    static CtRegistration read(ResultSet row) throws SQLException {
        return new CtRegistration(row.getLong(1), Columns.instant(row, 2), row.getString(3), row.getString(4),
                row.getString(5), row.getString(6), row.getString(7), row.getString(8), row.getString(9),
                row.getString(10), row.getString(11), Columns.dialect(row, 12, ZzhcDialect::parse));
    }
}
