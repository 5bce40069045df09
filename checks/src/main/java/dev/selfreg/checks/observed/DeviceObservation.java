package dev.selfreg.checks.observed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Everything observed of one device, each list in time order.
 *
 * @param imei the device, as its reports and endpoint names give it
 * @param ctReports its China Telecom reports, refused ones too
 * @param dmMessages its China Mobile exchanges
 * @param boots its boots, where they are known (emulated modules, a marked power-on); often empty
 * @param observedUntil when the observation ends (the platform's now, a capture's end): a rule waiting for something
 *     that is not due by then says "not observed"
 */
public record DeviceObservation(String imei, List<CtReport> ctReports, List<DmMessage> dmMessages, List<Boot> boots,
                                Instant observedUntil) {

    /** Requires every component; sorts each list by time, keeping the order of records with the same time. */
    public DeviceObservation {
        Objects.requireNonNull(imei, "imei");
        Objects.requireNonNull(observedUntil, "observedUntil");
        ctReports = sorted(ctReports, CtReport::time);
        dmMessages = sorted(dmMessages, DmMessage::time);
        boots = sorted(boots, Boot::attachedAt);
    }

    /** Every record in time order, as a device's timeline shows it. */
    public List<ObservedRecord> records() {
        return Stream.of(
                        ctReports.stream().map(r -> new ObservedRecord(r.ref(), r.time(), "CT", r.summary())),
                        dmMessages.stream().map(m -> new ObservedRecord(m.ref(), m.time(), "DM", m.summary())),
                        boots.stream().map(b -> new ObservedRecord(b.ref(), b.attachedAt(), "module", b.summary())))
                .flatMap(s -> s)
                .sorted(Comparator.comparing(ObservedRecord::time))
                .toList();
    }

    /** The DM messages of one kind, in time order. */
    public <T extends DmMessage> List<T> dm(Class<T> kind) {
        return dmMessages.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** The boot a moment falls in: the last boot attached at or before it; {@code null} before the first known boot. */
    public Boot bootOf(Instant moment) {
        Boot found = null;
        for (Boot boot : boots) {
            if (!boot.attachedAt().isAfter(moment)) {
                found = boot;
            }
        }
        return found;
    }

    /** When the boot after {@code boot} attached; {@code null} when it is the last known one. */
    public Instant nextBootAfter(Boot boot) {
        int at = boots.indexOf(boot);
        return at >= 0 && at + 1 < boots.size() ? boots.get(at + 1).attachedAt() : null;
    }

    /** The reports of one boot: from its attach to the next known boot's. */
    public List<CtReport> reportsIn(Boot boot) {
        Instant end = nextBootAfter(boot);
        return ctReports.stream()
                .filter(r -> !r.time().isBefore(boot.attachedAt()) && (end == null || r.time().isBefore(end)))
                .toList();
    }

    private static <T> List<T> sorted(List<T> items, Function<T, Instant> time) {
        List<T> copy = new ArrayList<>(items);
        copy.sort(Comparator.comparing(time));
        return List.copyOf(copy);
    }
}
