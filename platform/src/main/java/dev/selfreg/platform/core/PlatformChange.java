package dev.selfreg.platform.core;

import dev.selfreg.platform.store.CtRegistration;
import dev.selfreg.platform.store.CtRejection;
import dev.selfreg.platform.store.DmDevice;
import dev.selfreg.platform.store.DmEvent;

/** A record the platform just committed, announced to live views (the dashboard). */
public sealed interface PlatformChange {

    /** The name of the kind of change, as live views see it. */
    String kind();

    /** The record itself. */
    Object record();

    record CtAccepted(CtRegistration record) implements PlatformChange {
        public String kind() {
            return "ct-registration";
        }
    }

    record CtRejected(CtRejection record) implements PlatformChange {
        public String kind() {
            return "ct-rejection";
        }
    }

    record DeviceChanged(DmDevice record) implements PlatformChange {
        public String kind() {
            return "dm-device";
        }
    }

    record DmEventAdded(DmEvent record) implements PlatformChange {
        public String kind() {
            return "dm-event";
        }
    }
}
