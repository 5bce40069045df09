package dev.selfreg.platform.store;

import dev.selfreg.protocol.zzhc.ZzhcDialect;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Table {@code ct_rejection}: its SQL, and a {@link CtRejection} as its row and back. */
final class CtRejectionTable {

    static final String INSERT = "INSERT INTO ct_rejection (received_at, transport, peer, result_code, reason, detail,"
            + " body, dialect) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    static final String NEWEST_FIRST = "SELECT id, received_at, transport, peer, result_code, reason, detail, body,"
            + " dialect FROM ct_rejection WHERE id < ? ORDER BY id DESC";

    private CtRejectionTable() {
    }

    /** The values of {@link #INSERT}. */
    static Object[] values(CtRejection r) {
        return new Object[] {r.receivedAt(), r.transport(), r.peer(), r.resultCode(), r.reason(), r.detail(), r.body(),
            Columns.dialect(r.dialect(), ZzhcDialect::code)};
    }

    static CtRejection read(ResultSet row) throws SQLException {
        return new CtRejection(row.getLong(1), Columns.instant(row, 2), row.getString(3), row.getString(4),
                row.getString(5), row.getString(6), row.getString(7), row.getString(8),
                Columns.dialect(row, 9, ZzhcDialect::parse));
    }
}
