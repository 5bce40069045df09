package dev.selfreg.lab.fleet;

import dev.selfreg.capture.record.WireRecorder;
import dev.selfreg.lab.EmulatedUnit;
import dev.selfreg.lab.Lab;
import dev.selfreg.lab.LabApplication;
import dev.selfreg.module.ModuleProfile;
import dev.selfreg.module.Sim;
import dev.selfreg.platform.PlatformSettings;
import dev.selfreg.platform.store.DmEvent;
import dev.selfreg.platform.store.PlatformStore;
import dev.selfreg.time.VirtualClock;
import dev.selfreg.vocabulary.DmState;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Many emulated modules against one lab platform on the virtual clock: China Telecom units report to ZZHC, China
 * Mobile units are provisioned over AT for the lab's CMDMP application, rebooted, and register, are read and update
 * for the planned days. Days pass in hours of module time, each taking as much wall time as the CoAP exchanges
 * that fall in it. The platform runs on the same clock, so its records span the planned days.
 */
public final class Fleet {

    /** The step in which module time passes, and progress is told. */
    private static final Duration STEP = Duration.ofHours(1);
    /**
     * Modules switched on at one instant. A wave's exchanges run at once against the platform, as a deployment's do;
     * a whole fleet at one instant would be a storm that the platform's read timeout and the modules' retransmissions
     * turn into failures, and one module per instant would leave the platform waiting for each in turn.
     */
    static final int WAVE = 64;
    /** Module time between two waves of power-on. */
    private static final Duration WAVE_SPACING = Duration.ofSeconds(1);

    /** Told how far the run is, after each step. */
    @FunctionalInterface
    public interface Progress {
        /** The platform is up: its {@code listening <name> <host>:<port>} lines. */
        default void started(List<String> listening) {
        }

        void advanced(Duration done, Duration total);
    }

    private Fleet() {
    }

    /** Runs {@code plan} against a platform started with {@code settings}, and reports what both sides saw. */
    public static FleetReport run(PlatformSettings settings, FleetPlan plan, Progress progress) {
        return run(settings, plan, progress, platformClock -> WireRecorder.none(), imei -> false);
    }

    /**
     * The same, the traffic of the modules {@code captured} chooses (by IMEI, see {@link #imei}) written to the
     * recorder {@code wire} makes on the lab's clock, with the platform's exchanges with anybody else; each datagram
     * once.
     */
    public static FleetReport run(PlatformSettings settings, FleetPlan plan, Progress progress,
            Function<Clock, WireRecorder> wire, Predicate<String> captured) {
        try (Lab lab = Lab.start(LabApplication.addedTo(settings), new VirtualClock(), wire, captured)) {
            progress.started(lab.platform().listeningLines());
            List<EmulatedUnit> chinaTelecom = new ArrayList<>();
            List<EmulatedUnit> chinaMobile = new ArrayList<>();
            for (int i = 0; i < plan.chinaTelecom(); i++) {
                nextWave(lab, i);
                chinaTelecom.add(lab.add("ct-" + i, profile(i, new Sim(String.format("46011%010d", i),
                        String.format("898603%014d", i)))));
            }
            for (int i = 0; i < plan.chinaMobile(); i++) {
                int n = plan.chinaTelecom() + i;
                nextWave(lab, n);
                EmulatedUnit unit = lab.add("cm-" + i, profile(n, new Sim(String.format("46004%010d", i),
                        String.format("898600%014d", i))));
                LabApplication.provision(unit, imei(n), plan.updatePeriod().toSeconds());
                unit.at("AT+QRST=1");
                chinaMobile.add(unit);
            }
            Duration total = plan.span();
            for (Duration done = Duration.ZERO; done.compareTo(total) < 0; ) {
                Duration step = STEP.compareTo(total.minus(done)) < 0 ? STEP : total.minus(done);
                lab.advance(step);
                done = done.plus(step);
                progress.advanced(done, total);
            }
            return report(lab.platform().records().store(), plan, chinaTelecom, chinaMobile);
        }
    }

    /** Lets the wave spacing pass before module {@code n} when it starts a new wave. */
    private static void nextWave(Lab lab, int n) {
        if (n > 0 && n % WAVE == 0) {
            lab.advance(WAVE_SPACING);
        }
    }

    private static FleetReport report(PlatformStore store, FleetPlan plan, List<EmulatedUnit> chinaTelecom,
            List<EmulatedUnit> chinaMobile) {
        long reads = (long) plan.chinaMobile() * (1 + plan.updatesPerModule());
        List<DmEvent> events = store.dmEvents(Integer.MAX_VALUE);
        FleetReport report = new FleetReport();
        report.expect("China Telecom modules that registered (their own record)", plan.chinaTelecom(),
                chinaTelecom.stream().filter(unit -> unit.module().ct().status().lastOutcome().equals("success")).count());
        report.expect("China Telecom reports the platform stored", plan.chinaTelecom(),
                store.ctRegistrations(null, Integer.MAX_VALUE).size());
        report.expect("China Telecom reports the platform rejected", 0, store.ctRejections(Integer.MAX_VALUE).size());
        int lastState = (plan.updatesPerModule() > 0 ? DmState.UPDATED : DmState.REGISTERED).code();
        report.expect("China Mobile modules in DMstate " + lastState + " at the end", plan.chinaMobile(),
                chinaMobile.stream().filter(unit -> unit.module().dmState() == lastState).count());
        report.expect("CMDMP registers the platform accepted", plan.chinaMobile(), count(events, "register", "ok"));
        report.expect("CMDMP updates the platform accepted", plan.chinaMobile() * plan.updatesPerModule(),
                count(events, "update", "ok"));
        report.expect("object 666 reads decrypted and stored", reads, count(events, "read", "ok"));
        report.expect("CMDMP events that failed or were flagged", 0,
                events.stream().filter(event -> !event.outcome().equals("ok")).count());
        return report;
    }

    private static long count(List<DmEvent> events, String kind, String outcome) {
        return events.stream().filter(event -> event.kind().equals(kind) && event.outcome().equals(outcome)).count();
    }

    private static ModuleProfile profile(int n, Sim sim) {
        return ModuleProfile.standard().withImei(imei(n)).withSim(Optional.of(sim));
    }

    /**
     * Module n's IMEI: 15 digits, none shared with another module of the run. The China Telecom modules are numbered
     * first (0 to {@code chinaTelecom - 1}), then the China Mobile ones.
     */
    public static String imei(int n) {
        return String.format("8699981%08d", n);
    }
}
