package dev.selfreg.platform.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.selfreg.protocol.cmdmp.DmDialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tables {@code dm_device}, one row per endpoint name, and {@code dm_device_change}, the device changes saved since
 * they were last folded into it: their SQL, and a {@link DmDevice} as their row and back (the terminal information
 * as a JSON object of resource id to value). A device is its newest record in the two together, by the id of the
 * event that changed it ({@link Versioned}).
 */
final class DmDeviceTable {

    /** A device record with the id of the event that made it: of two of one endpoint, the higher id is newer. */
    record Versioned(DmDevice device, long eventId) {
        Versioned newer(Versioned other) {
            return other.eventId > eventId ? other : this;
        }
    }

    private static final String COLUMNS = "imei, imsi, app_key, tml_type, state, lifetime, registered_at, last_update,"
            + " registration_id, app_key_known, terminal_info, dialect, endpoint";

    /** Appends a device change; the values of {@link #values}. */
    static final String APPEND = "INSERT INTO dm_device_change (" + COLUMNS + ", event_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** Replaces a device with a newer change of it; the arguments of {@link #foldArgs}. */
    private static final String FOLD_UPDATE = "UPDATE dm_device SET imei = ?, imsi = ?, app_key = ?, tml_type = ?,"
            + " state = ?, lifetime = ?, registered_at = ?, last_update = ?, registration_id = ?, app_key_known = ?,"
            + " terminal_info = ?, dialect = ?, last_event_id = ? WHERE endpoint = ? AND last_event_id < ?";

    /** Creates a device from a change; the values of {@link #values}. */
    private static final String FOLD_INSERT = "INSERT INTO dm_device (" + COLUMNS + ", last_event_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String DELETE_CHANGE = "DELETE FROM dm_device_change WHERE event_id = ?";

    private static final String READ_COLUMNS = "endpoint, imei, imsi, app_key, tml_type, state, lifetime,"
            + " registered_at, last_update, registration_id, app_key_known, terminal_info, dialect";
    private static final String SELECT = "SELECT " + READ_COLUMNS + ", last_event_id FROM dm_device";
    private static final String SELECT_CHANGES = "SELECT " + READ_COLUMNS + ", event_id FROM dm_device_change";
    private static final String MATCHING = " WHERE endpoint LIKE ? OR imei LIKE ? OR imsi LIKE ?";
    private static final int SEARCHED_COLUMNS = 3;

    static final String BY_ENDPOINT = SELECT + " WHERE endpoint = ?";
    /** The changes of one endpoint not folded yet, newest first. */
    static final String CHANGES_BY_ENDPOINT = SELECT_CHANGES + " WHERE endpoint = ? ORDER BY event_id DESC";
    /** Every change not folded yet, oldest first. */
    static final String CHANGES = SELECT_CHANGES + " ORDER BY event_id";
    /** The same as the values of {@link #APPEND}, for the fold: the terminal information left as JSON. */
    private static final String CHANGES_TO_FOLD = "SELECT " + COLUMNS + ", event_id FROM dm_device_change"
            + " ORDER BY event_id";

    /** The order of {@link #lastSeenFirst}. */
    static final Comparator<DmDevice> LAST_SEEN_FIRST = Comparator.comparing(DmDevice::lastUpdate).reversed()
            .thenComparing(DmDevice::endpoint);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<Integer, String>> TERMINAL_INFO = new TypeReference<>() { };
    /** Bound to the type once: each save encodes one, on a request thread. */
    private static final ObjectWriter TERMINAL_INFO_WRITER = JSON.writerFor(TERMINAL_INFO);
    private static final ObjectReader TERMINAL_INFO_READER = JSON.readerFor(TERMINAL_INFO);

    private DmDeviceTable() {
    }

    /** The most recently seen first, those whose endpoint, IMEI or IMSI contains {@code search} (null: all). */
    static String lastSeenFirst(String search) {
        return SELECT + (search == null ? "" : MATCHING) + " ORDER BY last_update DESC, endpoint";
    }

    static Object[] searchArgs(String search) {
        return Columns.search(search, SEARCHED_COLUMNS);
    }

    /** Whether the device is one {@link #lastSeenFirst} finds for {@code search}. */
    static boolean matches(DmDevice d, String search) {
        if (search == null) {
            return true;
        }
        String text = Columns.searchText(search);
        return d.endpoint().contains(text) || contains(d.imei(), text) || contains(d.imsi(), text);
    }

    private static boolean contains(String value, String text) {
        return value != null && value.contains(text);
    }

    /**
     * The values of {@link #APPEND}: the terminal information encoded here, not by the writer; the last, the event's
     * id, left for the writer to fill in once the event has it.
     */
    static Object[] values(DmDevice d) {
        return new Object[] {d.imei(), d.imsi(), d.appKey(), d.tmlType(), d.state(), d.lifetime(), d.registeredAt(),
            d.lastUpdate(), d.registrationId(), d.appKeyKnown(), json(d.terminalInfo()),
            Columns.dialect(d.dialect(), DmDialect::code), d.endpoint(), null};
    }

    /** The same, with the id of the event that changed the device. */
    static Object[] values(DmDevice d, long eventId) {
        Object[] values = values(d);
        values[values.length - 1] = eventId;
        return values;
    }

    /** The arguments of {@link #FOLD_UPDATE} from the values of a change: its fields, event id, endpoint, event id. */
    private static Object[] foldArgs(Object[] values) {
        int endpoint = values.length - 2;
        Object[] args = new Object[values.length + 1];
        System.arraycopy(values, 0, args, 0, endpoint);
        args[endpoint] = values[endpoint + 1];
        args[endpoint + 1] = values[endpoint];
        args[endpoint + 2] = values[endpoint + 1];
        return args;
    }

    /**
     * Folds every change not folded yet into {@code dm_device}, each endpoint's newest, over an older row only, and
     * deletes the changes it read (those alone: on PostgreSQL another platform's may commit meanwhile); returns how
     * many. Platforms sharing the database may fold the same changes at once: each endpoint ends with its newest.
     */
    static int fold(StoreConnection connection) throws SQLException {
        List<Object[]> changes = connection.query(CHANGES_TO_FOLD, Integer.MAX_VALUE, new Object[0],
                DmDeviceTable::change);
        // the newest of each endpoint (read oldest first), in endpoint order, so that platforms folding at once lock
        // the same rows in the same order
        Map<String, Object[]> newest = new TreeMap<>();
        changes.forEach(values -> newest.put((String) values[values.length - 2], values));
        foldNewest(connection, newest.values());
        List<Object[]> folded = new ArrayList<>(changes.size());
        changes.forEach(values -> folded.add(new Object[] {values[values.length - 1]}));
        connection.updateEach(DELETE_CHANGE, folded);
        return changes.size();
    }

    /**
     * Writes each device change (the values of {@link #APPEND}, one per endpoint, in endpoint order) into
     * {@code dm_device}: over an older row only, or as a new row.
     */
    static void foldNewest(StoreConnection connection, Collection<Object[]> newestByEndpoint) throws SQLException {
        for (Object[] values : newestByEndpoint) {
            Object[] update = foldArgs(values);
            // no row, or a newer one; another platform may create the device between the update and the insert
            if (connection.update(FOLD_UPDATE, update) == 0 && !connection.insertUnlessPresent(FOLD_INSERT, values)) {
                connection.update(FOLD_UPDATE, update);
            }
        }
    }

    /**
     * The devices {@link #lastSeenFirst} would find if every change were folded: the newest record of each endpoint
     * among {@code changes} and {@code folded}, matching {@code search}, the most recently seen first, at most
     * {@code limit}. {@code folded} must hold the first {@link #foldedToRead} of dm_device's matches, so that the
     * folded rows a change replaces leave enough behind.
     */
    static List<DmDevice> newest(List<Versioned> changes, List<Versioned> folded, String search, int limit) {
        Map<String, Versioned> byEndpoint = new HashMap<>();
        changes.forEach(change -> byEndpoint.merge(change.device().endpoint(), change, Versioned::newer));
        folded.forEach(row -> byEndpoint.merge(row.device().endpoint(), row, Versioned::newer));
        return byEndpoint.values().stream().map(Versioned::device).filter(d -> matches(d, search))
                .sorted(LAST_SEEN_FIRST).limit(limit).toList();
    }

    /** How many of dm_device's matches {@link #newest} needs: each endpoint changed since may replace one. */
    static int foldedToRead(int limit, List<Versioned> changes) {
        return (int) Math.min(Integer.MAX_VALUE, (long) limit + changes.size());
    }

    /** A row of {@link #CHANGES_TO_FOLD}: the values of {@link #APPEND}. */
    private static Object[] change(ResultSet row) throws SQLException {
        return new Object[] {row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
            row.getLong(6), Columns.instant(row, 7), Columns.instant(row, 8), row.getString(9), row.getBoolean(10),
            row.getString(11), row.getString(12), row.getString(13), row.getLong(14)};
    }

    /** A row of {@link #SELECT} or {@link #SELECT_CHANGES}. */
    static Versioned read(ResultSet row) throws SQLException {
        return new Versioned(new DmDevice(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                row.getString(5), row.getString(6), row.getLong(7), Columns.instant(row, 8), Columns.instant(row, 9),
                row.getString(10), row.getBoolean(11), terminalInfo(row.getString(12)),
                Columns.dialect(row, 13, DmDialect::parse)), row.getLong(14));
    }

    static String json(Map<Integer, String> terminalInfo) {
        try {
            return TERMINAL_INFO_WRITER.writeValueAsString(terminalInfo);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot encode terminal information", e);
        }
    }

    private static Map<Integer, String> terminalInfo(String json) {
        try {
            return TERMINAL_INFO_READER.readValue(json);
        } catch (JsonProcessingException e) {
            throw new StoreException("stored terminal information is not JSON", e);
        }
    }
}
