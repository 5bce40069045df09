package dev.selfreg.platform.dm;

import dev.selfreg.protocol.cmdmp.DmDialect;
import dev.selfreg.protocol.cmdmp.DmEndpointName;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.leshan.server.registration.Registration;

/**
 * What the platform knows of a registered device from its endpoint name and the checks. Leshan keeps it with the
 * registration as application data (the supported way to attach an Authorizer's findings to a registration), so an
 * Update is checked against what its Register established.
 *
 * @param endpoint the endpoint name as registered
 * @param dm whether the name has the DM 2.0 shape; false for a plain LwM2M client
 * @param tmlType the terminal type number (0, 1, 2), null when not DM 2.0
 * @param appKey the APPkey, null when not DM 2.0
 * @param appKeyKnown whether the APPkey is in the application table, so the identity was verified
 * @param imei the endpoint's IMEI, null when not DM 2.0
 * @param imsi the decrypted IMSI, null when it could not be decrypted
 * @param dialect the dialect of the Register, as far as it could be read; none for a plain LwM2M client
 */
record DmIdentity(String endpoint, boolean dm, String tmlType, String appKey, boolean appKeyKnown, String imei,
        String imsi, Optional<DmDialect> dialect) {

    private static final String DM = "dm.dm";
    private static final String TML_TYPE = "dm.tmlType";
    private static final String APP_KEY = "dm.appKey";
    private static final String APP_KEY_KNOWN = "dm.appKeyKnown";
    private static final String IMEI = "dm.imei";
    private static final String IMSI = "dm.imsi";
    private static final String DIALECT = "dm.dialect";

    DmIdentity {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(dialect, "dialect");
    }

    /** A plain LwM2M client, whose name says nothing checkable. */
    static DmIdentity plain(String endpoint) {
        return new DmIdentity(endpoint, false, null, null, false, null, null, Optional.empty());
    }

    /** A DM 2.0 endpoint; {@code imsi} is null when the identity could not be decrypted. */
    static DmIdentity of(DmEndpointName name, boolean appKeyKnown, String imsi, DmDialect dialect) {
        return new DmIdentity(name.text(), true, Integer.toString(name.type().code()), name.appKey(), appKeyKnown,
                name.imei(), imsi, Optional.of(dialect));
    }

    /** What the Authorizer established at Register, read back from Leshan's registration. */
    static DmIdentity of(Registration registration) {
        Map<String, String> data = registration.getApplicationData();
        return new DmIdentity(registration.getEndpoint(), Boolean.parseBoolean(data.get(DM)), data.get(TML_TYPE),
                data.get(APP_KEY), Boolean.parseBoolean(data.get(APP_KEY_KNOWN)), data.get(IMEI), data.get(IMSI),
                Optional.ofNullable(data.get(DIALECT)).flatMap(DmDialect::parse));
    }

    /** The same device with the IMSI an Update's {@code epi} carried. */
    DmIdentity withImsi(String newImsi) {
        return new DmIdentity(endpoint, dm, tmlType, appKey, appKeyKnown, imei, newImsi, dialect);
    }

    /** The form Leshan keeps: absent values are absent keys. */
    Map<String, String> applicationData() {
        Map<String, String> data = new HashMap<>();
        data.put(DM, Boolean.toString(dm));
        data.put(APP_KEY_KNOWN, Boolean.toString(appKeyKnown));
        putIfPresent(data, TML_TYPE, tmlType);
        putIfPresent(data, APP_KEY, appKey);
        putIfPresent(data, IMEI, imei);
        putIfPresent(data, IMSI, imsi);
        putIfPresent(data, DIALECT, dialect.map(DmDialect::code).orElse(null));
        return data;
    }

    private static void putIfPresent(Map<String, String> data, String key, String value) {
        if (value != null) {
            data.put(key, value);
        }
    }
}
