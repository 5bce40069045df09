package dev.selfreg.platform.dm;

import dev.selfreg.platform.PlatformRecords;
import dev.selfreg.platform.store.DmDevice;
import dev.selfreg.platform.store.DmEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.eclipse.leshan.server.registration.Registration;

/**
 * Keeps the DM service's records: device state and events, through {@link PlatformRecords} (committed before it
 * returns). Device changes are read-modify-write of the stored device, serialised per endpoint so that a Register,
 * an Update and the object 666 read answering in between never lose each other's fields, while different devices
 * are recorded side by side (and share the store's group commits).
 *
 * <p>Reasons are cut to the store's column size: they quote what the device sent. An endpoint name always fits its
 * column, as a Uri-Query option is at most 255 bytes.
 */
final class DmRecorder {

    /** dm_event.reason. */
    private static final int REASON_CHARS = 1000;
    private static final String REGISTERED = "registered";

    /** Locks for device records, by endpoint: more stripes than request threads. */
    private static final int STRIPES = 128;

    private final PlatformRecords records;
    private final Clock clock;
    private final Object[] stripes = new Object[STRIPES];

    DmRecorder(PlatformRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    private Object deviceLock(String endpoint) {
        return stripes[Math.floorMod(endpoint.hashCode(), STRIPES)];
    }

    /** An accepted Register: a fresh device record (its object 666 values are read next). */
    void registered(Registration registration, DmIdentity identity, String outcome, String reason) {
        synchronized (deviceLock(identity.endpoint())) {
            Instant now = clock.instant();
            records.device(new DmDevice(identity.endpoint(), identity.imei(), identity.imsi(), identity.appKey(),
                    identity.tmlType(), REGISTERED, registration.getLifeTimeInSec(), now, now, registration.getId(),
                    identity.appKeyKnown(), Map.of()));
            event(identity.endpoint(), identity.imei(), "register", outcome, reason);
        }
    }

    /** An accepted Update: lifetime, registration and the IMSI from {@code epi} refreshed. */
    void updated(Registration registration, DmIdentity identity, String outcome, String reason) {
        synchronized (deviceLock(identity.endpoint())) {
            Instant now = clock.instant();
            Optional<DmDevice> stored = records.store().dmDevice(identity.endpoint());
            records.device(new DmDevice(identity.endpoint(), identity.imei(), identity.imsi(), identity.appKey(),
                    identity.tmlType(), REGISTERED, registration.getLifeTimeInSec(),
                    stored.map(DmDevice::registeredAt).orElse(now), now, registration.getId(), identity.appKeyKnown(),
                    stored.map(DmDevice::terminalInfo).orElse(Map.of())));
            event(identity.endpoint(), identity.imei(), "update", outcome, reason);
        }
    }

    /** An accepted Deregister. */
    void deregistered(DmIdentity identity) {
        synchronized (deviceLock(identity.endpoint())) {
            changeState(identity, "deregistered");
            event(identity.endpoint(), identity.imei(), "deregister", "ok", "");
        }
    }

    /** Leshan found the registration's lifetime over without an Update. */
    void expired(Registration registration) {
        DmIdentity identity = DmIdentity.of(registration);
        synchronized (deviceLock(identity.endpoint())) {
            changeState(identity, "expired");
            event(identity.endpoint(), identity.imei(), "expired", "failed",
                    "no Update within the lifetime of " + registration.getLifeTimeInSec() + " s");
        }
    }

    /**
     * The decrypted object 666 values. They are stored only while the device is still in the registration they
     * were read for: a later Register starts afresh and reads again.
     */
    void terminalInfo(String registrationId, DmIdentity identity, Map<Integer, String> values) {
        synchronized (deviceLock(identity.endpoint())) {
            Optional<DmDevice> stored = records.store().dmDevice(identity.endpoint())
                    .filter(device -> registrationId.equals(device.registrationId()));
            if (stored.isEmpty()) {
                event(identity.endpoint(), identity.imei(), "read", "failed",
                        "object 666 answered after the registration " + registrationId + " ended; values dropped");
                return;
            }
            DmDevice d = stored.get();
            records.device(new DmDevice(d.endpoint(), d.imei(), d.imsi(), d.appKey(), d.tmlType(), d.state(),
                    d.lifetime(), d.registeredAt(), d.lastUpdate(), d.registrationId(), d.appKeyKnown(), values));
            event(identity.endpoint(), identity.imei(), "read", "ok", "");
        }
    }

    /** A read of object 666 that gave no values: {@code failed} or {@code flagged}. */
    void readWithoutValues(DmIdentity identity, String outcome, String reason) {
        event(identity.endpoint(), identity.imei(), "read", outcome, reason);
    }

    /** A Register or Update the checks refused. */
    void rejected(String message, DmVerdict.Rejected verdict) {
        event(verdict.endpoint(), verdict.imei(), "rejected", "failed",
                message + " answered " + verdict.finding().answer() + ": " + verdict.explanation());
    }

    /** A request to the registration interface that Leshan's CoAP layer answered itself, before any check. */
    void refusedByLwm2mLayer(String endpoint, String reason) {
        event(endpoint, null, "rejected", "failed", reason);
    }

    private void changeState(DmIdentity identity, String state) {
        Instant now = clock.instant();
        DmDevice d = records.store().dmDevice(identity.endpoint()).orElseGet(() -> new DmDevice(identity.endpoint(),
                identity.imei(), identity.imsi(), identity.appKey(), identity.tmlType(), state, 0, now, now, null,
                identity.appKeyKnown(), Map.of()));
        records.device(new DmDevice(d.endpoint(), d.imei(), d.imsi(), d.appKey(), d.tmlType(), state, d.lifetime(),
                d.registeredAt(), now, d.registrationId(), d.appKeyKnown(), d.terminalInfo()));
    }

    private void event(String endpoint, String imei, String kind, String outcome, String reason) {
        records.event(new DmEvent(0, clock.instant(), endpoint, imei, kind, outcome,
                cut(reason, REASON_CHARS)));
    }

    private static String cut(String text, int chars) {
        return text.length() <= chars ? text : text.substring(0, chars - 3) + "...";
    }
}
