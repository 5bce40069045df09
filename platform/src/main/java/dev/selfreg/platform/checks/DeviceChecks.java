package dev.selfreg.platform.checks;

import dev.selfreg.checks.Checklist;
import dev.selfreg.checks.Product;
import dev.selfreg.checks.observed.CtReport;
import dev.selfreg.checks.observed.DeviceObservation;
import dev.selfreg.checks.rules.CertificationRules;
import dev.selfreg.platform.dm.DmHistory;
import dev.selfreg.platform.store.CtRegistration;
import dev.selfreg.platform.store.CtRejection;
import dev.selfreg.platform.store.DmDevice;
import dev.selfreg.platform.store.DmEvent;
import dev.selfreg.platform.store.PlatformStore;
import dev.selfreg.protocol.WireBase64;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Every device's checklist, judged from the platform's records when asked: its China Telecom reports (the refused
 * ones too, attributed by the IMEI their body carries), its CMDMP events with its device records
 * ({@link DmHistory}), and the boots {@link DeviceFacts} was told, up to the platform's now. A device is an IMEI.
 */
public final class DeviceChecks {

    private static final int ALL = Integer.MAX_VALUE;

    private final PlatformStore store;
    private final DeviceFacts facts;
    private final Product product;
    private final Clock clock;

    /**
     * @param product what every device on this platform is meant to be ({@link Product#UNDECLARED} when nothing
     *     was declared)
     */
    public DeviceChecks(PlatformStore store, DeviceFacts facts, Product product, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.facts = Objects.requireNonNull(facts, "facts");
        this.product = Objects.requireNonNull(product, "product");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public DeviceFacts facts() {
        return facts;
    }

    public Product product() {
        return product;
    }

    /** The checklist of the device with this IMEI; empty when the platform has no record of it. */
    public Optional<Checklist> of(String imei) {
        List<CtRegistration> registrations = store.ctRegistrations(imei, ALL).stream()
                .filter(r -> imei.equals(r.imei())).toList();
        List<DmDevice> devices = store.dmDevices(imei, ALL).stream().filter(d -> imei.equals(d.imei())).toList();
        return Optional.ofNullable(observe(registrations, devices, imei::equals).get(imei)).map(this::judge);
    }

    /** Every device's checklist, by IMEI. */
    public List<Checklist> all() {
        return observe(store.ctRegistrations(null, ALL), store.dmDevices(null, ALL), imei -> true).values().stream()
                .map(this::judge).toList();
    }

    private Checklist judge(DeviceObservation device) {
        return CertificationRules.judge(device, product);
    }

    /** The observations of the wanted devices among those these records (and refused reports, events, boots) are of. */
    private Map<String, DeviceObservation> observe(List<CtRegistration> registrations, List<DmDevice> devices,
            Predicate<String> wanted) {
        Map<String, List<CtReport>> reports = new HashMap<>();
        for (CtRegistration r : registrations) {
            byImei(reports, r.imei()).add(new CtReport("ct-registration " + r.id(), r.receivedAt(), r.transport(),
                    WireBase64.encode(r.reportJson().getBytes(StandardCharsets.UTF_8)), "0"));
        }
        for (CtRejection r : store.ctRejections(ALL)) {
            CtReport report = new CtReport("ct-rejection " + r.id(), r.receivedAt(), r.transport(), r.body(),
                    r.resultCode());
            byImei(reports, report.imei()).add(report);
        }
        Map<String, DmDevice> byEndpoint = new HashMap<>();
        devices.forEach(d -> byEndpoint.put(d.endpoint(), d));
        Map<String, List<DmEvent>> events = new HashMap<>();
        List<DmEvent> newestFirst = store.dmEvents(ALL);
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            DmEvent event = newestFirst.get(i);
            byImei(events, DmHistory.imeiOf(event)).add(event);
        }
        Map<String, DeviceObservation> observed = new TreeMap<>();
        for (String imei : seen(registrations, devices, reports, events)) {
            if (wanted.test(imei)) {
                observed.put(imei, new DeviceObservation(imei, reports.getOrDefault(imei, List.of()),
                        DmHistory.of(events.getOrDefault(imei, List.of()), byEndpoint), facts.boots(imei),
                        clock.instant()));
            }
        }
        return observed;
    }

    /** The devices of the given records; a refused report or an event alone makes a device too, as does a boot. */
    private List<String> seen(List<CtRegistration> registrations, List<DmDevice> devices,
            Map<String, List<CtReport>> reports, Map<String, List<DmEvent>> events) {
        List<String> imeis = new ArrayList<>();
        registrations.forEach(r -> imeis.add(r.imei()));
        devices.forEach(d -> imeis.add(d.imei()));
        imeis.addAll(reports.keySet());
        imeis.addAll(events.keySet());
        imeis.addAll(facts.devices());
        imeis.removeIf(Objects::isNull);
        return imeis.stream().distinct().toList();
    }

    private static <T> List<T> byImei(Map<String, List<T>> map, String imei) {
        return imei == null ? new ArrayList<>() : map.computeIfAbsent(imei, i -> new ArrayList<>());
    }
}
