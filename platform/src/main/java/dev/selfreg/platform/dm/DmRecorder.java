package dev.selfreg.platform.dm;

import dev.selfreg.platform.core.PlatformRecords;
import dev.selfreg.platform.store.DmDevice;
import dev.selfreg.protocol.cmdmp.DmDialect;
import dev.selfreg.platform.store.DmEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.leshan.server.registration.Registration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the DM service's records: device state and events, through {@link PlatformRecords}. A device's new record is
 * committed in one transaction with the event that changed it; for a Register, an Update or a Deregister before the
 * method returns, so the answer to the device follows the commit. Device changes are read-modify-write of the
 * device's last record, serialised per endpoint so that a Register, an Update and the object 666 read answering in
 * between never lose each other's fields, while different devices are recorded side by side.
 *
 * <p>The last record of each registered device given to the store is kept in memory, so an Update or a read answer
 * needs no store query on the request path; a device not found there (it registered before the platform restarted)
 * is read from the store. The store commits records in the order it is given them. What answers nobody (the outcome
 * of an object 666 read, the values it brought among them) is committed without waiting: the read's answer is the
 * device's, so no reply waits for it, and the next Update, which may come before the commit, finds the values in
 * memory. A read's record the store refuses at once is not kept in memory either; one that fails to commit later is
 * logged, and the device's next record carries its values.
 *
 * <p>Reasons are cut to the store's column size: they quote what the device sent. An endpoint name always fits its
 * column, as a Uri-Query option is at most 255 bytes.
 */
final class DmRecorder {

    private static final Logger log = LoggerFactory.getLogger(DmRecorder.class);

    /** dm_event.reason. */
    private static final int REASON_CHARS = 1000;
    private static final String REGISTERED = "registered";

    /** Locks for device records, by endpoint: more stripes than request threads. */
    private static final int STRIPES = 128;

    private final PlatformRecords records;
    private final Clock clock;
    private final Object[] stripes = new Object[STRIPES];
    /** The last record given to the store of each registered device, by endpoint; changed only under its lock. */
    private final Map<String, DmDevice> registered = new ConcurrentHashMap<>();

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

    /** An accepted Register: a fresh device record (its object 666 values are read next), in its dialect. */
    void registered(Registration registration, DmIdentity identity, String outcome, String reason) {
        synchronized (deviceLock(identity.endpoint())) {
            Instant now = clock.instant();
            save(new DmDevice(identity.endpoint(), identity.imei(), identity.imsi(), identity.appKey(),
                    identity.tmlType(), REGISTERED, registration.getLifeTimeInSec(), now, now, registration.getId(),
                    identity.appKeyKnown(), Map.of(), identity.dialect()),
                    event(identity.endpoint(), identity.imei(), "register", outcome, reason, identity.dialect()));
        }
    }

    /**
     * An accepted Update: lifetime, registration and the IMSI from {@code epi} refreshed; the device's dialect is its
     * Register's and this Update's together.
     *
     * @param dialect the Update's dialect
     */
    void updated(Registration registration, DmIdentity identity, String outcome, String reason,
            Optional<DmDialect> dialect) {
        synchronized (deviceLock(identity.endpoint())) {
            Instant now = clock.instant();
            Optional<DmDevice> stored = current(identity.endpoint());
            Optional<DmDialect> device = identity.dialect().isEmpty() ? dialect
                    : identity.dialect().map(registered -> dialect.map(registered::and).orElse(registered));
            save(new DmDevice(identity.endpoint(), identity.imei(), identity.imsi(), identity.appKey(),
                    identity.tmlType(), REGISTERED, registration.getLifeTimeInSec(),
                    stored.map(DmDevice::registeredAt).orElse(now), now, registration.getId(), identity.appKeyKnown(),
                    stored.map(DmDevice::terminalInfo).orElse(Map.of()), device),
                    event(identity.endpoint(), identity.imei(), "update", outcome, reason, dialect));
        }
    }

    /** An accepted Deregister. */
    void deregistered(DmIdentity identity) {
        synchronized (deviceLock(identity.endpoint())) {
            changeState(identity, "deregistered", event(identity, "deregister", "ok", ""));
        }
    }

    /** Leshan found the registration's lifetime over without an Update. */
    void expired(Registration registration) {
        DmIdentity identity = DmIdentity.of(registration);
        synchronized (deviceLock(identity.endpoint())) {
            changeState(identity, "expired", event(identity, "expired", "failed",
                    "no Update within the lifetime of " + registration.getLifeTimeInSec() + " s"));
        }
    }

    /**
     * The decrypted object 666 values. They are stored only while the device is still in the registration they
     * were read for: a later Register starts afresh and reads again. Returns at once; completes once the record is
     * committed and announced, or its failure logged.
     */
    CompletableFuture<Void> terminalInfo(String registrationId, DmIdentity identity, Map<Integer, String> values) {
        synchronized (deviceLock(identity.endpoint())) {
            Optional<DmDevice> stored = current(identity.endpoint())
                    .filter(device -> registrationId.equals(device.registrationId()));
            if (stored.isEmpty()) {
                return readWithoutValues(identity, "failed",
                        "object 666 answered after the registration " + registrationId + " ended; values dropped");
            }
            DmDevice d = stored.get();
            DmDevice read = new DmDevice(d.endpoint(), d.imei(), d.imsi(), d.appKey(), d.tmlType(), d.state(),
                    d.lifetime(), d.registeredAt(), d.lastUpdate(), d.registrationId(), d.appKeyKnown(), values,
                    d.dialect());
            CompletableFuture<DmEvent> committed = records.deviceAsync(read, event(identity, "read", "ok", ""));
            // refused at once (the store's queue full, the record too long for it): the device keeps its last record
            if (!committed.isCompletedExceptionally()) {
                remember(read);
            }
            return loggedIfNotStored(committed);
        }
    }

    /**
     * A read of object 666 that gave no values: {@code failed} or {@code flagged}. Nobody waits for this record, so
     * it is committed in the background; a failure to commit it is logged. Completes once committed and announced,
     * or logged.
     */
    CompletableFuture<Void> readWithoutValues(DmIdentity identity, String outcome, String reason) {
        return loggedIfNotStored(records.eventAsync(event(identity, "read", outcome, reason)));
    }

    /** Completes once {@code committed} has, its failure logged: nobody waits for a read's record. */
    private static CompletableFuture<Void> loggedIfNotStored(CompletableFuture<DmEvent> committed) {
        return committed.handle((stored, failure) -> {
            if (failure != null) {
                log.error("DM read event not stored: {}", failure.getMessage());
            }
            return null;
        });
    }

    /** A Register or Update the checks refused. */
    void rejected(String message, DmVerdict.Rejected verdict) {
        records.event(event(verdict.endpoint(), verdict.imei(), "rejected", "failed",
                message + " answered " + verdict.finding().answer() + ": " + verdict.explanation(), verdict.dialect()));
    }

    /** A request to the registration interface that Leshan's CoAP layer answered itself, before any check. */
    void refusedByLwm2mLayer(String endpoint, String reason) {
        records.event(event(endpoint, null, "rejected", "failed", reason));
    }

    /** The device's last committed record: from memory while it is registered, otherwise from the store. */
    private Optional<DmDevice> current(String endpoint) {
        DmDevice known = registered.get(endpoint);
        return known != null ? Optional.of(known) : records.store().dmDevice(endpoint);
    }

    private void save(DmDevice device, DmEvent event) {
        records.device(device, event);
        remember(device);
    }

    private void remember(DmDevice device) {
        if (REGISTERED.equals(device.state())) {
            registered.put(device.endpoint(), device);
        } else {
            registered.remove(device.endpoint());
        }
    }

    private void changeState(DmIdentity identity, String state, DmEvent event) {
        Instant now = clock.instant();
        DmDevice d = current(identity.endpoint()).orElseGet(() -> new DmDevice(identity.endpoint(), identity.imei(),
                identity.imsi(), identity.appKey(), identity.tmlType(), state, 0, now, now, null,
                identity.appKeyKnown(), Map.of(), identity.dialect()));
        save(new DmDevice(d.endpoint(), d.imei(), d.imsi(), d.appKey(), d.tmlType(), state, d.lifetime(),
                d.registeredAt(), now, d.registrationId(), d.appKeyKnown(), d.terminalInfo(), d.dialect()), event);
    }

    private DmEvent event(DmIdentity identity, String kind, String outcome, String reason) {
        return event(identity.endpoint(), identity.imei(), kind, outcome, reason);
    }

    private DmEvent event(String endpoint, String imei, String kind, String outcome, String reason) {
        return event(endpoint, imei, kind, outcome, reason, Optional.empty());
    }

    private DmEvent event(String endpoint, String imei, String kind, String outcome, String reason,
            Optional<DmDialect> dialect) {
        return new DmEvent(0, clock.instant(), endpoint, imei, kind, outcome, cut(reason, REASON_CHARS), dialect);
    }

    private static String cut(String text, int chars) {
        return text.length() <= chars ? text : text.substring(0, chars - 3) + "...";
    }
}
