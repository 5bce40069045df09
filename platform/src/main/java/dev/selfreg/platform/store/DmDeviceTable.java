package dev.selfreg.platform.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.selfreg.protocol.cmdmp.DmDialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * Table {@code dm_device}, one row per endpoint name: its SQL, and a {@link DmDevice} as its row and back
 * (the terminal information as a JSON object of resource id to value).
 */
final class DmDeviceTable {

    /** Replaces the device of an endpoint; the values of {@link #values}, the endpoint last. */
    static final String UPDATE = "UPDATE dm_device SET imei = ?, imsi = ?, app_key = ?, tml_type = ?, state = ?,"
            + " lifetime = ?, registered_at = ?, last_update = ?, registration_id = ?, app_key_known = ?,"
            + " terminal_info = ?, dialect = ? WHERE endpoint = ?";

    /** Creates a device; the same values as {@link #UPDATE}. */
    static final String INSERT = "INSERT INTO dm_device (imei, imsi, app_key, tml_type, state, lifetime, registered_at,"
            + " last_update, registration_id, app_key_known, terminal_info, dialect, endpoint)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String SELECT = "SELECT endpoint, imei, imsi, app_key, tml_type, state, lifetime,"
            + " registered_at, last_update, registration_id, app_key_known, terminal_info, dialect FROM dm_device";
    private static final String MATCHING = " WHERE endpoint LIKE ? OR imei LIKE ? OR imsi LIKE ?";
    private static final int SEARCHED_COLUMNS = 3;

    static final String BY_ENDPOINT = SELECT + " WHERE endpoint = ?";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<Integer, String>> TERMINAL_INFO = new TypeReference<>() { };

    private DmDeviceTable() {
    }

    /** The most recently seen first, those whose endpoint, IMEI or IMSI contains {@code search} (null: all). */
    static String lastSeenFirst(String search) {
        return SELECT + (search == null ? "" : MATCHING) + " ORDER BY last_update DESC, endpoint";
    }

    static Object[] searchArgs(String search) {
        return Columns.search(search, SEARCHED_COLUMNS);
    }

    /** The values of {@link #UPDATE} and {@link #INSERT}: the terminal information encoded here, not by the writer. */
    static Object[] values(DmDevice d) {
        return new Object[] {d.imei(), d.imsi(), d.appKey(), d.tmlType(), d.state(), d.lifetime(), d.registeredAt(),
            d.lastUpdate(), d.registrationId(), d.appKeyKnown(), json(d.terminalInfo()),
            Columns.dialect(d.dialect(), DmDialect::code), d.endpoint()};
    }

    static DmDevice read(ResultSet row) throws SQLException {
        return new DmDevice(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                row.getString(6), row.getLong(7), Columns.instant(row, 8), Columns.instant(row, 9), row.getString(10),
                row.getBoolean(11), terminalInfo(row.getString(12)), Columns.dialect(row, 13, DmDialect::parse));
    }

    private static String json(Map<Integer, String> terminalInfo) {
        try {
            return JSON.writeValueAsString(terminalInfo);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot encode terminal information", e);
        }
    }

    private static Map<Integer, String> terminalInfo(String json) {
        try {
            return JSON.readValue(json, TERMINAL_INFO);
        } catch (JsonProcessingException e) {
            throw new StoreException("stored terminal information is not JSON", e);
        }
    }
}
