package dev.selfreg.capture.exchange;

import dev.selfreg.checks.Checklist;
import dev.selfreg.checks.Product;
import dev.selfreg.checks.observed.CtReport;
import dev.selfreg.checks.observed.DmMessage;
import dev.selfreg.checks.rules.CertificationRules;
import dev.selfreg.checks.rules.DeviceJudgement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * Every device judged by every certification rule as its records are found, in memory that grows with the number of
 * devices, not with the capture: per device the rules' folded state ({@link DeviceJudgement}), its registrations'
 * lifetimes, and the records of the last {@link Exchanges#EXCHANGE_LIFETIME} or so, held until no earlier record can
 * come (a request's record comes with its answer, later than the records of requests after it) so that the rules
 * take them in time order.
 */
public final class JudgedDevices implements Exchanges.Found {

    private final Product product;
    private final Map<String, Device> devices = new TreeMap<>();
    private Instant settled;
    private long sequence;

    /** @param product what every device is meant to be */
    public JudgedDevices(Product product) {
        this.product = Objects.requireNonNull(product, "product");
    }

    /** A record waiting for its turn; {@code order} keeps records of the same moment in the order found. */
    private record Held(Instant time, long order, CtReport report, DmMessage message) {
    }

    /** One device: its judgement, its registrations' lifetimes, its records not yet settled. */
    private final class Device {
        private final DeviceJudgement judgement;
        private final Lifetimes lifetimes = new Lifetimes();
        private final PriorityQueue<Held> held = new PriorityQueue<>(
                Comparator.comparing(Held::time).thenComparingLong(Held::order));

        Device(String imei) {
            judgement = CertificationRules.start(imei, product);
        }

        void hold(Held record) {
            held.add(record);
            while (!held.isEmpty() && settled != null && held.peek().time().isBefore(settled)) {
                take(held.poll());
            }
        }

        void take(Held record) {
            if (record.report() != null) {
                judgement.report(record.report());
            } else {
                lifetimes.accept(record.message(), judgement::message);
            }
        }

        Checklist checklist(Instant until) {
            while (!held.isEmpty()) {
                take(held.poll());
            }
            lifetimes.until(until, judgement::message);
            return judgement.checklist(until);
        }
    }

    @Override
    public void report(String imei, CtReport report) {
        device(imei).hold(new Held(report.time(), sequence++, report, null));
    }

    @Override
    public void message(String imei, DmMessage message) {
        device(imei).hold(new Held(message.time(), sequence++, null, message));
    }

    @Override
    public void settled(Instant moment) {
        settled = moment;
    }

    /** Every device's checklist, by IMEI, the observation ending at {@code until}; no record may follow. */
    public List<Checklist> checklists(Instant until) {
        List<Checklist> checklists = new ArrayList<>();
        devices.values().forEach(device -> checklists.add(device.checklist(until)));
        return checklists;
    }

    private Device device(String imei) {
        return devices.computeIfAbsent(imei, Device::new);
    }
}
