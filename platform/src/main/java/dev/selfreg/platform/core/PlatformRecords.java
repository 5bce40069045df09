package dev.selfreg.platform.core;

import dev.selfreg.platform.store.CtRegistration;
import dev.selfreg.platform.store.CtRejection;
import dev.selfreg.platform.store.DmDevice;
import dev.selfreg.platform.store.DmEvent;
import dev.selfreg.platform.store.PlatformStore;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the platform's services call to keep a record: commit it to the store, then announce
 * it to live views. A service replies to the device only after this returns.
 */
public final class PlatformRecords {

    private static final Logger log = LoggerFactory.getLogger(PlatformRecords.class);

    private final PlatformStore store;
    private final List<Consumer<PlatformChange>> listeners = new CopyOnWriteArrayList<>();

    public PlatformRecords(PlatformStore store) {
        this.store = store;
    }

    public PlatformStore store() {
        return store;
    }

    /** Tells {@code listener} of every change committed from now on. */
    public void subscribe(Consumer<PlatformChange> listener) {
        listeners.add(listener);
    }

    public void unsubscribe(Consumer<PlatformChange> listener) {
        listeners.remove(listener);
    }

    public CtRegistration accepted(CtRegistration registration) {
        return acceptedAsync(registration).join();
    }

    /** Commits without blocking; announces and completes once committed. */
    public CompletableFuture<CtRegistration> acceptedAsync(CtRegistration registration) {
        return announcedOnCommit(store.addAsync(registration), PlatformChange.CtAccepted::new);
    }

    public CtRejection rejected(CtRejection rejection) {
        return rejectedAsync(rejection).join();
    }

    /** Commits without blocking; announces and completes once committed. */
    public CompletableFuture<CtRejection> rejectedAsync(CtRejection rejection) {
        return announcedOnCommit(store.addAsync(rejection), PlatformChange.CtRejected::new);
    }

    /** Commits a device's new record with the event that changed it, then announces both; returns the event. */
    public DmEvent device(DmDevice device, DmEvent event) {
        DmEvent stored = store.save(device, event);
        announceDevice(device, stored);
        return stored;
    }

    /** The same without blocking: announces both and completes once committed. */
    public CompletableFuture<DmEvent> deviceAsync(DmDevice device, DmEvent event) {
        return store.saveAsync(device, event).thenApply(stored -> {
            announceDevice(device, stored);
            return stored;
        });
    }

    private void announceDevice(DmDevice device, DmEvent stored) {
        announce(new PlatformChange.DeviceChanged(device));
        announce(new PlatformChange.DmEventAdded(stored));
    }

    public DmEvent event(DmEvent event) {
        DmEvent stored = store.add(event);
        announce(new PlatformChange.DmEventAdded(stored));
        return stored;
    }

    /** Commits an event without blocking; announces and completes once committed. */
    public CompletableFuture<DmEvent> eventAsync(DmEvent event) {
        return announcedOnCommit(store.addAsync(event), PlatformChange.DmEventAdded::new);
    }

    /** The committed record, once it has been announced as {@code change}. */
    private <T> CompletableFuture<T> announcedOnCommit(CompletableFuture<T> committed,
            Function<T, PlatformChange> change) {
        return committed.thenApply(stored -> {
            announce(change.apply(stored));
            return stored;
        });
    }

    private void announce(PlatformChange change) {
        for (Consumer<PlatformChange> listener : listeners) {
            try {
                listener.accept(change);
            } catch (RuntimeException e) {
                log.warn("a live view failed on {}: {}", change.kind(), e.toString());
            }
        }
    }
}
