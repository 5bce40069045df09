package dev.selfreg.capture.exchange;

import dev.selfreg.checks.observed.CtReport;
import dev.selfreg.checks.observed.DeviceObservation;
import dev.selfreg.checks.observed.DmMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every record found, kept per device: a capture's whole content as observations, for reading what a capture holds.
 * It grows with the capture; {@link JudgedDevices} judges one in memory that does not.
 */
public final class ObservedDevices implements Exchanges.Found {

    private final Map<String, List<CtReport>> reports = new TreeMap<>();
    private final Map<String, List<DmMessage>> messages = new TreeMap<>();

    @Override
    public void report(String imei, CtReport report) {
        reports.computeIfAbsent(imei, i -> new ArrayList<>()).add(report);
    }

    @Override
    public void message(String imei, DmMessage message) {
        messages.computeIfAbsent(imei, i -> new ArrayList<>()).add(message);
    }

    /** Every device seen, by IMEI, observed until {@code until}, with the expiries due by then. */
    public List<DeviceObservation> observations(Instant until) {
        TreeMap<String, Boolean> imeis = new TreeMap<>();
        reports.keySet().forEach(imei -> imeis.put(imei, true));
        messages.keySet().forEach(imei -> imeis.put(imei, true));
        List<DeviceObservation> devices = new ArrayList<>();
        for (String imei : imeis.keySet()) {
            devices.add(new DeviceObservation(imei, reports.getOrDefault(imei, List.of()),
                    Lifetimes.withExpiries(messages.getOrDefault(imei, List.of()), until), List.of(), until));
        }
        return devices;
    }
}
