package dev.selfreg.lab.fleet;

import dev.selfreg.lab.RemotePlatform;
import dev.selfreg.platform.store.CtRegistration;
import dev.selfreg.platform.store.CtRejection;
import dev.selfreg.platform.store.DmEvent;
import dev.selfreg.platform.store.PlatformStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * What the platform side stored that a fleet's outcome table reconciles with its modules: from the store of the
 * platform in the same process, or through the REST API of one in another.
 *
 * @param ctRegistrations accepted China Telecom reports
 * @param ctRejections    rejected ones
 * @param dmEvents        CMDMP events
 */
record FleetRecords(List<CtRegistration> ctRegistrations, List<CtRejection> ctRejections, List<DmEvent> dmEvents) {

    /**
     * Records read from the store at once. In pages: H2 keeps a query's result of more rows than its memory holds in a
     * temporary file, and a 100,000-module fleet's 3 million events read in one query spent half a minute there.
     */
    static final int PAGE = 10_000;

    static FleetRecords of(PlatformStore store) {
        return new FleetRecords(
                all((before, limit) -> store.ctRegistrations(null, before, limit), CtRegistration::id, PAGE),
                all(store::ctRejections, CtRejection::id, PAGE), all(store::dmEvents, DmEvent::id, PAGE));
    }

    /** Every record, newest first, read {@code pageSize} at a time, each page's records older than the last's. */
    static <T> List<T> all(Page<T> page, ToLongFunction<T> id, int pageSize) {
        List<T> all = new ArrayList<>();
        long before = PlatformStore.NEWEST;
        while (true) {
            List<T> next = page.before(before, pageSize);
            all.addAll(next);
            if (next.size() < pageSize) {
                return all;
            }
            before = id.applyAsLong(next.get(next.size() - 1));
        }
    }

    /** A page of at most {@code limit} records with ids below {@code before}, newest first. */
    @FunctionalInterface
    interface Page<T> {
        List<T> before(long before, int limit);
    }

    static FleetRecords of(RemotePlatform platform) {
        return new FleetRecords(platform.ctRegistrations(), platform.ctRejections(), platform.dmEvents());
    }

    /**
     * The records of the modules {@code imeis} only, where other fleets' modules share the platform or its database.
     * A rejection, and a CMDMP event without an IMEI (a request refused before its endpoint was read), name no
     * module, so all of them are kept.
     */
    FleetRecords of(Set<String> imeis) {
        return new FleetRecords(ctRegistrations.stream().filter(r -> imeis.contains(r.imei())).toList(), ctRejections,
                dmEvents.stream().filter(e -> e.imei() == null || imeis.contains(e.imei())).toList());
    }
}
