package dev.selfreg.platform.checks;

import dev.selfreg.checks.observed.Boot;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the platform is told about devices beyond their traffic: their boots, with the card and firmware they booted,
 * as an emulated module's lab knows them. Kept in memory, for as long as the platform runs; a real module's boots
 * are not known (docs/real-module.md says what that leaves "not observed"). Each boot is stamped with the platform's
 * clock at the moment it is told, so it sits in the same time line as the platform's records.
 */
public final class DeviceFacts {

    private final Clock clock;
    private final Map<String, List<Boot>> boots = new ConcurrentHashMap<>();

    public DeviceFacts(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The device attached to the network just now after a boot; a value not known is {@code null}.
     *
     * @param imei the device's IMEI, as its reports and endpoint name give it
     */
    public void attached(String imei, String iccid, String imsi, String firmware) {
        Objects.requireNonNull(imei, "imei");
        List<Boot> list = boots.computeIfAbsent(imei, i -> new ArrayList<>());
        synchronized (list) {
            list.add(new Boot("boot " + (list.size() + 1), clock.instant(), iccid, imsi, firmware));
        }
    }

    /** The boots told of the device, oldest first. */
    public List<Boot> boots(String imei) {
        List<Boot> list = boots.get(imei);
        if (list == null) {
            return List.of();
        }
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    /** Every device a boot was told of. */
    public Set<String> devices() {
        return Set.copyOf(boots.keySet());
    }
}
