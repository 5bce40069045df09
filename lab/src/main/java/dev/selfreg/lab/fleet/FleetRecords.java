package dev.selfreg.lab.fleet;

import dev.selfreg.lab.RemotePlatform;
import dev.selfreg.platform.store.CtRegistration;
import dev.selfreg.platform.store.CtRejection;
import dev.selfreg.platform.store.DmEvent;
import dev.selfreg.platform.store.PlatformStore;
import java.util.List;
import java.util.Set;

/**
 * What the platform side stored that a fleet's outcome table reconciles with its modules: from the store of the
 * platform in the same process, or through the REST API of one in another.
 *
 * @param ctRegistrations accepted China Telecom reports
 * @param ctRejections    rejected ones
 * @param dmEvents        CMDMP events
 */
record FleetRecords(List<CtRegistration> ctRegistrations, List<CtRejection> ctRejections, List<DmEvent> dmEvents) {

    static FleetRecords of(PlatformStore store) {
        return new FleetRecords(store.ctRegistrations(null, Integer.MAX_VALUE), store.ctRejections(Integer.MAX_VALUE),
                store.dmEvents(Integer.MAX_VALUE));
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
