package dev.selfreg.lab.fleet;

import dev.selfreg.capture.record.WireRecorder;
import dev.selfreg.lab.EmulatedUnit;
import dev.selfreg.lab.Lab;
import dev.selfreg.lab.LabApplication;
import dev.selfreg.lab.RemotePlatform;
import dev.selfreg.module.ModuleProfile;
import dev.selfreg.module.Sim;
import dev.selfreg.platform.PlatformSettings;
import dev.selfreg.platform.store.DmEvent;
import dev.selfreg.time.VirtualClock;
import dev.selfreg.vocabulary.DmState;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
    /** The longest a platform in another process is waited for, once module time has passed, to settle. */
    private static final Duration SETTLING = Duration.ofSeconds(30);

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
        return run(settings, plan, Shard.ALL, progress, wire, captured);
    }

    /**
     * The same for share {@code shard} of the plan's modules; where other shares' platforms store in the same
     * database (PostgreSQL), the outcome table reconciles with this share's modules' records only.
     */
    public static FleetReport run(PlatformSettings settings, FleetPlan plan, Shard shard, Progress progress,
            Function<Clock, WireRecorder> wire, Predicate<String> captured) {
        try (Lab lab = Lab.start(LabApplication.addedTo(settings), new VirtualClock(), wire, captured)) {
            progress.started(lab.platform().listeningLines());
            Modules modules = drive(lab, plan, shard, progress);
            return report(FleetRecords.of(lab.platform().records().store()).of(modules.imeis()), plan, modules);
        }
    }

    /**
     * Runs share {@code shard} of {@code plan}'s modules against a platform in another process, which must know the
     * lab's CMDMP application ({@link LabApplication#APP_KEY}); reconciles with the records it holds of those modules.
     * That platform keeps its own clock: nothing waits for it between the hours of module time, and its records
     * carry its time.
     */
    public static FleetReport run(RemotePlatform platform, FleetPlan plan, Shard shard, Progress progress)
            throws InterruptedException {
        try (Lab lab = Lab.against(platform, new VirtualClock())) {
            Modules modules = drive(lab, plan, shard, progress);
            // the platform commits each object 666 read just after its answer, in its own time
            platform.awaitSettled(SETTLING);
            return report(FleetRecords.of(platform).of(modules.imeis()), plan, modules);
        }
    }

    /** The modules of one run, by carrier, and their IMEIs. */
    private record Modules(List<EmulatedUnit> chinaTelecom, List<EmulatedUnit> chinaMobile, Set<String> imeis) {
    }

    /** Powers on the share's modules, provisions the China Mobile ones, and lets the planned module time pass. */
    private static Modules drive(Lab lab, FleetPlan plan, Shard shard, Progress progress) {
        List<EmulatedUnit> chinaTelecom = new ArrayList<>();
        List<EmulatedUnit> chinaMobile = new ArrayList<>();
        Set<String> imeis = new HashSet<>();
        for (int i = 0; i < plan.chinaTelecom(); i++) {
            if (shard.includes(i)) {
                imeis.add(imei(i));
                chinaTelecom.add(lab.add("ct-" + i, profile(i, new Sim(String.format("46011%010d", i),
                        String.format("898603%014d", i)))));
            }
        }
        for (int i = 0; i < plan.chinaMobile(); i++) {
            int n = plan.chinaTelecom() + i;
            if (!shard.includes(n)) {
                continue;
            }
            imeis.add(imei(n));
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
        return new Modules(chinaTelecom, chinaMobile, imeis);
    }

    private static FleetReport report(FleetRecords records, FleetPlan plan, Modules modules) {
        List<EmulatedUnit> chinaTelecom = modules.chinaTelecom();
        List<EmulatedUnit> chinaMobile = modules.chinaMobile();
        long reads = (long) chinaMobile.size() * (1 + plan.updatesPerModule());
        List<DmEvent> events = records.dmEvents();
        FleetReport report = new FleetReport();
        report.expect("China Telecom modules that registered (their own record)", chinaTelecom.size(),
                chinaTelecom.stream().filter(unit -> unit.module().ct().status().lastOutcome().equals("success")).count());
        report.expect("China Telecom reports the platform stored", chinaTelecom.size(),
                records.ctRegistrations().size());
        report.expect("China Telecom reports the platform rejected", 0, records.ctRejections().size());
        int lastState = (plan.updatesPerModule() > 0 ? DmState.UPDATED : DmState.REGISTERED).code();
        report.expect("China Mobile modules in DMstate " + lastState + " at the end", chinaMobile.size(),
                chinaMobile.stream().filter(unit -> unit.module().dmState() == lastState).count());
        report.expect("CMDMP registers the platform accepted", chinaMobile.size(), count(events, "register", "ok"));
        report.expect("CMDMP updates the platform accepted", chinaMobile.size() * plan.updatesPerModule(),
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
