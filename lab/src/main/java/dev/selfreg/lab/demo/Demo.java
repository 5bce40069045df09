package dev.selfreg.lab.demo;

import dev.selfreg.capture.record.WireRecorder;
import dev.selfreg.lab.AtReply;
import dev.selfreg.lab.EmulatedUnit;
import dev.selfreg.lab.LabApplication;
import dev.selfreg.lab.Lab;
import dev.selfreg.module.ModuleProfile;
import dev.selfreg.module.Sim;
import dev.selfreg.module.network.LabService;
import dev.selfreg.module.network.NetworkFault;
import dev.selfreg.platform.PlatformSettings;
import dev.selfreg.platform.store.DmDevice;
import dev.selfreg.platform.store.PlatformStore;
import dev.selfreg.time.RealClock;
import dev.selfreg.time.VirtualClock;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The demo: the lab platform and two emulated modules, one with a China Telecom SIM and one
 * with a China Mobile SIM and a provisioned CMDMP application, narrated as they register.
 */
public final class Demo {

    static final String CT_IMEI = "869999000000001";
    static final String CM_IMEI = "869999000000002";
    /** The CMDMP update period the demo sets: a day, the seed's default (seed 2.2.2). */
    static final long UPDATE_PERIOD_SECONDS = 86400;
    /** Days of periodic updates the --once run lets pass. */
    static final int DAYS = 3;

    private Demo() {
    }

    /** Runs on the real clock until {@code stop} counts down, narrating to {@code out}. */
    public static void live(PlatformSettings settings, PrintStream out, CountDownLatch stop) throws InterruptedException {
        live(settings, out, stop, platformClock -> WireRecorder.none());
    }

    /** The same, every datagram and HTTP exchange of the process written to the recorder {@code wire} makes. */
    public static void live(PlatformSettings settings, PrintStream out, CountDownLatch stop,
            Function<Clock, WireRecorder> wire) throws InterruptedException {
        try (RealClock clock = new RealClock("demo");
             Lab lab = Lab.start(LabApplication.addedTo(settings), clock, wire, imei -> true)) {
            Narrator narrator = new Narrator(out, clock, lab.epoch());
            announce(lab, out);
            lab.platform().records().subscribe(narrator);
            List<EmulatedUnit> units = bench(lab, narrator);
            while (!stop.await(200, TimeUnit.MILLISECONDS)) {
                narrator.look(units);
            }
            narrator.note("stopping; the store is closed after its last commit");
        }
    }

    /**
     * Runs the whole story on the virtual clock — boot, attach, both registrations, the object
     * 666 read, {@value #DAYS} days of updates, one injected failure and its recovery — then
     * prints a summary table. Returns whether every expected outcome happened. The platform runs
     * on the same clock, so the narration, times included, is the same every run.
     */
    public static boolean once(PlatformSettings settings, PrintStream out) {
        return once(settings, out, platformClock -> WireRecorder.none());
    }

    /**
     * The same, every datagram and HTTP exchange of the process written to the recorder {@code wire} makes on the
     * lab's clock: the packets carry module time, the days of updates a day apart.
     */
    public static boolean once(PlatformSettings settings, PrintStream out, Function<Clock, WireRecorder> wire) {
        VirtualClock clock = new VirtualClock();
        try (Lab lab = Lab.start(LabApplication.addedTo(settings), clock, wire, imei -> true)) {
            VirtualClockNarration story = new VirtualClockNarration(lab, clock, new Narrator(out, clock, lab.epoch()));
            announce(lab, out);
            lab.platform().records().subscribe(story.narrator());
            List<EmulatedUnit> units = bench(lab, story.narrator());
            Summary summary = new Summary();

            story.advance(units, Duration.ofMinutes(5));
            PlatformStore store = lab.platform().records().store();
            int reports = store.ctRegistrations(CT_IMEI, 10).size();
            summary.expect("China Telecom report accepted by the platform", reports == 1, reports + " report(s)");
            EmulatedUnit cm = lab.unit("cmcc-unit");
            story.narrator().note("asking cmcc-unit for its CMDMP state (AT+QDMPCFG=6)");
            AtReply state = cm.at("AT+QDMPCFG=6");
            summary.expect("China Mobile device registered (AT+QDMPCFG=6 -> 6)",
                    state.lines().contains("+QDMPCFG: 6,6"), state.toString());
            Optional<DmDevice> device = store.dmDevices(CM_IMEI, 1).stream().findFirst();
            summary.expect("object 666 read and decrypted by the platform",
                    device.map(d -> !d.terminalInfo().isEmpty()).orElse(false),
                    device.map(d -> d.terminalInfo().size() + " values").orElse("no device"));

            story.advance(units, Duration.ofDays(DAYS));
            long updates = events(store, "update");
            summary.expect(DAYS + " daily updates", updates == DAYS, updates + " update(s)");

            story.narrator().note("injecting a fault: every CMDMP request is dropped");
            cm.module().network().faults().add(NetworkFault.dropAll(LabService.DM));
            story.advance(units, Duration.ofDays(1));
            summary.expect("failed update seen (state 13, update timeout)", cm.module().dmState() == 13,
                    "state " + cm.module().dmState());
            long expired = store.dmEvents(10_000).stream()
                    .filter(e -> e.kind().equals("expired") && CM_IMEI.equals(e.imei())).count();
            summary.expect("the platform saw the registration's lifetime run out", expired == 1,
                    expired + " expiry(ies)");
            story.narrator().note("clearing the fault");
            cm.module().network().faults().clear();
            story.advance(units, Duration.ofDays(1));
            // the lifetime (update period + 46 s) ran out with the failed update: one fresh Register (spec §3)
            long registers = events(store, "register");
            summary.expect("recovered at the next period with a fresh Register (state 6)",
                    cm.module().dmState() == 6 && registers == 2, "state " + cm.module().dmState() + ", " + registers + " registers");

            lab.platform().records().unsubscribe(story.narrator());
            out.println();
            out.print(summary.table());
            return summary.allMet();
        }
    }

    /** Accepted CMDMP messages of one kind from the China Mobile unit. */
    private static long events(PlatformStore store, String kind) {
        return store.dmEvents(10_000).stream().filter(e -> e.kind().equals(kind) && e.outcome().equals("ok")
                && CM_IMEI.equals(e.imei())).count();
    }

    private static void announce(Lab lab, PrintStream out) {
        lab.platform().listeningLines().forEach(out::println);
        out.println("dashboard http://" + lab.platform().bind() + ":" + lab.platform().ports().get("web") + "/");
        lab.platform().token().ifPresent(token -> out.println("token " + token));
        out.flush();
    }

    /** Powers on the two modules and provisions the China Mobile one over AT, as a host would. */
    private static List<EmulatedUnit> bench(Lab lab, Narrator narrator) {
        ModuleProfile standard = ModuleProfile.standard();
        EmulatedUnit ct = lab.add("ct-unit", standard.withImei(CT_IMEI).withSim(Optional.of(Sim.CHINA_TELECOM)));
        EmulatedUnit cm = lab.add("cmcc-unit", standard.withImei(CM_IMEI).withSim(Optional.of(Sim.CHINA_MOBILE)));
        narrator.note("provisioning cmcc-unit over AT: APPkey " + LabApplication.APP_KEY + ", update period "
                + UPDATE_PERIOD_SECONDS + " s");
        LabApplication.provision(cm, CM_IMEI, UPDATE_PERIOD_SECONDS);
        narrator.note("rebooting cmcc-unit (AT+QRST=1) so the new settings take effect");
        cm.at("AT+QRST=1");
        return List.of(ct, cm);
    }

    /**
     * Advancing the virtual clock from one timer to the next, looking at the modules after each
     * instant that had any, so that every change is told at the module time it happened.
     */
    private record VirtualClockNarration(Lab lab, VirtualClock clock, Narrator narrator) {
        void advance(List<EmulatedUnit> units, Duration total) {
            narrator.look(units);
            Duration left = total;
            while (!left.isZero()) {
                Duration until = left;
                Duration step = clock.untilNextTimer().filter(next -> next.compareTo(until) < 0).orElse(left);
                lab.advance(step);
                left = left.minus(step);
                narrator.look(units);
            }
        }
    }

    /** The expected outcomes and whether each happened. */
    private static final class Summary {
        private final List<String[]> rows = new ArrayList<>();
        private boolean allMet = true;

        void expect(String outcome, boolean met, String observed) {
            rows.add(new String[] {met ? "yes" : "NO", outcome, observed});
            allMet &= met;
        }

        boolean allMet() {
            return allMet;
        }

        String table() {
            int width = rows.stream().mapToInt(r -> r[1].length()).max().orElse(10);
            StringBuilder out = new StringBuilder(String.format("%-4s %-" + width + "s  %s%n", "met", "expected outcome", "observed"));
            rows.forEach(r -> out.append(String.format("%-4s %-" + width + "s  %s%n", r[0], r[1], r[2])));
            out.append(allMet ? "demo PASSED: every expected outcome happened\n" : "demo FAILED: see the rows marked NO\n");
            return out.toString();
        }
    }
}
