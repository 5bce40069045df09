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
                        ctReports.stream().map(ObservedRecord::of),
                        dmMessages.stream().map(ObservedRecord::of),
                        boots.stream().map(ObservedRecord::of))
                .flatMap(s -> s)
                .sorted(Comparator.comparing(ObservedRecord::time))
                .toList();
    }

    /** Gives every record to {@code fold} in time order, as {@link RecordFold} orders records of one moment. */
    public void replay(RecordFold fold) {
        int b = 0;
        int c = 0;
        int d = 0;
        while (b < boots.size() || c < ctReports.size() || d < dmMessages.size()) {
            Instant boot = b < boots.size() ? boots.get(b).attachedAt() : null;
            Instant report = c < ctReports.size() ? ctReports.get(c).time() : null;
            Instant message = d < dmMessages.size() ? dmMessages.get(d).time() : null;
            if (boot != null && notAfter(boot, report) && notAfter(boot, message)) {
                fold.boot(boots.get(b++));
            } else if (report != null && notAfter(report, message)) {
                fold.report(ctReports.get(c++));
            } else {
                fold.message(dmMessages.get(d++));
            }
        }
    }

    /** Whether {@code moment} comes no later than {@code other}; nothing to compare with comes later than anything. */
    private static boolean notAfter(Instant moment, Instant other) {
        return other == null || !moment.isAfter(other);
    }

    private static <T> List<T> sorted(List<T> items, Function<T, Instant> time) {
        List<T> copy = new ArrayList<>(items);
        copy.sort(Comparator.comparing(time));
        return List.copyOf(copy);
    }
}
