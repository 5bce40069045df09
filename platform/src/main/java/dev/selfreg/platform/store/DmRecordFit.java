package dev.selfreg.platform.store;

import dev.selfreg.protocol.cmdmp.DmDialect;
import java.util.Map;

/**
 * Whether a CMDMP record fits the columns of {@code dm_event} and {@code dm_device} (schema versions 1 and 3), checked
 * before it is stored. The database would refuse a value too long for its column; a journaled record is acknowledged
 * before the database sees it, so one that did not fit would be refused at every import after it and hold up all the
 * records behind it. So a record that does not fit is refused at once, on every store, as the database would.
 */
final class DmRecordFit {

    /** dm_event.endpoint and dm_device.endpoint. */
    static final int ENDPOINT = 512;
    /** dm_event.imei and dm_device.imei, dm_device.imsi. */
    static final int IMEI = 32;
    static final int IMSI = 32;
    static final int APP_KEY = 128;
    static final int TML_TYPE = 16;
    static final int STATE = 16;
    static final int REGISTRATION_ID = 64;
    /** dm_device.terminal_info, the values as a JSON object. */
    static final int TERMINAL_INFO = 8000;
    static final int KIND = 16;
    static final int OUTCOME = 16;
    static final int REASON = 1000;
    /** dm_event.dialect and dm_device.dialect. */
    static final int DIALECT = 200;

    /** The most characters JSON writes for one character of a string: a control character as six. */
    private static final int ESCAPED = 6;
    /** The most characters JSON adds to a key of at most 11 digits and its value: quotes, colon, comma. */
    private static final int PER_ENTRY = 11 + 6;

    private DmRecordFit() {
    }

    /**
     * Refuses, with a {@link StoreException} naming the column, an event (and the device it changed; null: none)
     * holding a value longer than its column.
     */
    static void check(DmEvent event, DmDevice device) {
        fits("dm_event.endpoint", event.endpoint(), ENDPOINT);
        fits("dm_event.imei", event.imei(), IMEI);
        fits("dm_event.kind", event.kind(), KIND);
        fits("dm_event.outcome", event.outcome(), OUTCOME);
        fits("dm_event.reason", event.reason(), REASON);
        fits("dm_event.dialect", Columns.dialect(event.dialect(), DmDialect::code), DIALECT);
        if (device == null) {
            return;
        }
        fits("dm_device.endpoint", device.endpoint(), ENDPOINT);
        fits("dm_device.imei", device.imei(), IMEI);
        fits("dm_device.imsi", device.imsi(), IMSI);
        fits("dm_device.app_key", device.appKey(), APP_KEY);
        fits("dm_device.tml_type", device.tmlType(), TML_TYPE);
        fits("dm_device.state", device.state(), STATE);
        fits("dm_device.registration_id", device.registrationId(), REGISTRATION_ID);
        fits("dm_device.dialect", Columns.dialect(device.dialect(), DmDialect::code), DIALECT);
        if (mostJsonChars(device.terminalInfo()) > TERMINAL_INFO) {
            fits("dm_device.terminal_info", DmDeviceTable.json(device.terminalInfo()), TERMINAL_INFO);
        }
    }

    /** An upper bound of the characters of the values as JSON, without encoding them. */
    private static long mostJsonChars(Map<Integer, String> values) {
        long chars = 2;
        for (String value : values.values()) {
            chars += PER_ENTRY + (long) ESCAPED * value.length();
        }
        return chars;
    }

    private static void fits(String column, String value, int most) {
        if (value != null && value.length() > most) {
            throw new StoreException("the CMDMP record does not fit the store: " + column + " would hold "
                    + value.length() + " characters, it holds at most " + most, null);
        }
    }
}
