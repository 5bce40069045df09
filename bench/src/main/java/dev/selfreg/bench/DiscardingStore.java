package dev.selfreg.bench;

import dev.selfreg.platform.store.CtRegistration;
import dev.selfreg.platform.store.CtRejection;
import dev.selfreg.platform.store.DmDevice;
import dev.selfreg.platform.store.DmEvent;
import dev.selfreg.platform.store.PlatformStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A store that keeps nothing and answers at once, for measuring what the platform costs without its records
 * ({@code PlatformThroughput 32 dm-nostore}). Never part of the platform: it would acknowledge what it loses.
 */
final class DiscardingStore implements PlatformStore {

    @Override
    public CtRegistration add(CtRegistration registration) {
        return registration;
    }

    @Override
    public CompletableFuture<CtRegistration> addAsync(CtRegistration registration) {
        return CompletableFuture.completedFuture(registration);
    }

    @Override
    public CtRejection add(CtRejection rejection) {
        return rejection;
    }

    @Override
    public CompletableFuture<CtRejection> addAsync(CtRejection rejection) {
        return CompletableFuture.completedFuture(rejection);
    }

    @Override
    public DmEvent save(DmDevice device, DmEvent event) {
        return event;
    }

    @Override
    public CompletableFuture<DmEvent> saveAsync(DmDevice device, DmEvent event) {
        return CompletableFuture.completedFuture(event);
    }

    @Override
    public DmEvent add(DmEvent event) {
        return event;
    }

    @Override
    public CompletableFuture<DmEvent> addAsync(DmEvent event) {
        return CompletableFuture.completedFuture(event);
    }

    @Override
    public List<CtRegistration> ctRegistrations(String search, long beforeId, int limit) {
        return List.of();
    }

    @Override
    public List<CtRejection> ctRejections(long beforeId, int limit) {
        return List.of();
    }

    @Override
    public List<DmDevice> dmDevices(String search, int limit) {
        return List.of();
    }

    @Override
    public Optional<DmDevice> dmDevice(String endpoint) {
        return Optional.empty();
    }

    @Override
    public List<DmEvent> dmEvents(long beforeId, int limit) {
        return List.of();
    }

    @Override
    public void close() {
        // nothing held
    }
}
