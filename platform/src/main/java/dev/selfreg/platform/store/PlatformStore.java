package dev.selfreg.platform.store;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Where the lab platform keeps what devices reported. Every {@code add}/{@code save} is
 * committed when it returns (every {@code addAsync} when its future completes): the platform
 * replies to a device only afterwards, so a platform killed at any instant never loses a
 * registration it acknowledged. What is not committed fails with a {@link StoreException}: a
 * {@link StoreUnavailableException} when the store cannot commit anything at the moment (its
 * database unreachable, say), through no fault of the record.
 */
public interface PlatformStore extends AutoCloseable {

    /** The {@code beforeId} of a list's first page: above every record's id. */
    long NEWEST = Long.MAX_VALUE;

    /** Stores an accepted China Telecom report; returns it with its id. */
    CtRegistration add(CtRegistration registration);

    /**
     * Stores an accepted China Telecom report without blocking the caller; the future completes
     * once the report is committed (or fails with a {@link StoreException}).
     */
    CompletableFuture<CtRegistration> addAsync(CtRegistration registration);

    /** Stores a rejected China Telecom report; returns it with its id. */
    CtRejection add(CtRejection rejection);

    /** Stores a rejected report without blocking the caller; completes once committed. */
    CompletableFuture<CtRejection> addAsync(CtRejection rejection);

    /**
     * Creates or replaces the device of that endpoint name and stores the event that changed it, in one transaction;
     * returns the event with its id.
     */
    DmEvent save(DmDevice device, DmEvent event);

    /**
     * The same without waiting for the commit: the future completes once both are committed (or fails with a
     * {@link StoreException}; at once for a record the store cannot hold). CMDMP saves and adds are committed in the
     * order they were called.
     */
    CompletableFuture<DmEvent> saveAsync(DmDevice device, DmEvent event);

    /** Stores a CMDMP event; returns it with its id. */
    DmEvent add(DmEvent event);

    /** Stores a CMDMP event without blocking the caller; completes once committed. */
    CompletableFuture<DmEvent> addAsync(DmEvent event);

    /** Accepted China Telecom reports, newest first; {@code search} matches IMEI, IMSI or ICCID (null: all). */
    default List<CtRegistration> ctRegistrations(String search, int limit) {
        return ctRegistrations(search, NEWEST, limit);
    }

    /**
     * The same, of those whose id is below {@code beforeId}: the next page after a page whose oldest record had that
     * id ({@link #NEWEST}: the first page).
     */
    List<CtRegistration> ctRegistrations(String search, long beforeId, int limit);

    /** Rejected China Telecom reports, newest first. */
    default List<CtRejection> ctRejections(int limit) {
        return ctRejections(NEWEST, limit);
    }

    /** The same, of those whose id is below {@code beforeId}. */
    List<CtRejection> ctRejections(long beforeId, int limit);

    /** CMDMP devices, most recently seen first; {@code search} matches endpoint, IMEI or IMSI (null: all). */
    List<DmDevice> dmDevices(String search, int limit);

    Optional<DmDevice> dmDevice(String endpoint);

    /** CMDMP events, newest first. */
    default List<DmEvent> dmEvents(int limit) {
        return dmEvents(NEWEST, limit);
    }

    /** The same, of those whose id is below {@code beforeId}. */
    List<DmEvent> dmEvents(long beforeId, int limit);

    @Override
    void close();
}
