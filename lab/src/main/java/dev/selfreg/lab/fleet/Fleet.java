package dev.selfreg.lab.fleet;

import dev.selfreg.capture.record.WireRecorder;
import dev.selfreg.lab.EmulatedUnit;
import dev.selfreg.lab.Lab;
import dev.selfreg.lab.LabApplication;
import dev.selfreg.lab.RemotePlatform;
import dev.selfreg.lab.scenario.Durations;
import dev.selfreg.module.ModuleProfile;
import dev.selfreg.module.Sim;
import dev.selfreg.platform.PlatformSettings;
import dev.selfreg.platform.store.DmEvent;
import dev.selfreg.time.VirtualClock;
import dev.selfreg.module.AwakeReason;
import dev.selfreg.module.network.LabService;
import dev.selfreg.module.network.ModuleNetwork;
import dev.selfreg.module.network.NetworkFault;
import dev.selfreg.platform.store.CtRegistration;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * Many emulated modules against one lab platform on the virtual clock: China Telecom units report to ZZHC, China
 * Mobile units are provisioned over AT for the lab's CMDMP application, rebooted, and register, are read and update
 * for the planned days. Days pass in hours of module time, each taking as much wall time as the CoAP exchanges
 * that fall in it. The platform runs on the same clock, so its records span the planned days.
 *
 * <p>{@link FleetStorms} add a FOTA wave, loss and duplication of the modules' datagrams, and a platform outage (a
 * {@code drop} fault on every module). Each module's {@link ModuleStory} records what it saw; the report explains
 * every module by its story and computes each expected outcome from the stories, to compare with the platform's
 * records: an exchange fails exactly when all its datagrams were lost, every acknowledged registration is stored,
 * and none is stored twice.
 *
 * <p>A module asleep (its radio in PSM) holds no socket, so a run is bounded by the modules awake at once against the
 * process's file descriptors, not by all its modules; a run that runs out of them stops
 * ({@link DescriptorsExhausted}).
 */
public final class Fleet {

    /** The step in which module time passes, and progress is told. */
    private static final Duration STEP = Duration.ofHours(1);
    /** The longest a platform in another process is waited for, once module time has passed, to settle. */
    private static final Duration SETTLING = Duration.ofSeconds(30);
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
        return run(settings, plan, FleetStorms.NONE, progress, platformClock -> WireRecorder.none(), imei -> false);
    }

    /** The same, with {@code storms}. */
    public static FleetReport run(PlatformSettings settings, FleetPlan plan, FleetStorms storms, Progress progress) {
        return run(settings, plan, storms, progress, platformClock -> WireRecorder.none(), imei -> false);
    }

    /**
     * The same, the traffic of the modules {@code captured} chooses (by IMEI, see {@link #imei}) written to the
     * recorder {@code wire} makes on the lab's clock, with the platform's exchanges with anybody else; each datagram
     * once.
     */
    public static FleetReport run(PlatformSettings settings, FleetPlan plan, FleetStorms storms, Progress progress,
            Function<Clock, WireRecorder> wire, Predicate<String> captured) {
        return run(settings, plan, storms, Shard.ALL, progress, wire, captured);
    }

    /**
     * The same for share {@code shard} of the plan's modules; where other shares' platforms store in the same
     * database (PostgreSQL), the outcome table reconciles with this share's modules' records only.
     */
    public static FleetReport run(PlatformSettings settings, FleetPlan plan, FleetStorms storms, Shard shard,
            Progress progress, Function<Clock, WireRecorder> wire, Predicate<String> captured) {
        storms.requireWithin(plan.span());
        try (Lab lab = Lab.start(LabApplication.addedTo(settings), new VirtualClock(), wire, captured)) {
            progress.started(lab.platform().listeningLines());
            Modules modules = drive(lab, plan, storms, shard, progress);
            return report(FleetRecords.of(lab.platform().records().store()).of(modules.imeis()), plan, modules, true);
        }
    }

    /**
     * Runs share {@code shard} of {@code plan}'s modules, with {@code storms}, against a platform in another process,
     * which must know the lab's CMDMP application ({@link LabApplication#APP_KEY}); reconciles with the records it
     * holds of those modules. That platform keeps its own clock: nothing waits for it between the hours of module
     * time, its records carry its time, and its registrations do not expire within a run's days of module time, so
     * the table has no row for expiries.
     */
    public static FleetReport run(RemotePlatform platform, FleetPlan plan, FleetStorms storms, Shard shard,
            Progress progress) throws InterruptedException {
        storms.requireWithin(plan.span());
        try (Lab lab = Lab.against(platform, new VirtualClock())) {
            Modules modules = drive(lab, plan, storms, shard, progress);
            // the platform commits each object 666 read just after its answer, in its own time
            platform.awaitSettled(SETTLING);
            return report(FleetRecords.of(platform).of(modules.imeis()), plan, modules, false);
        }
    }

    /** The modules of one run, by carrier, and each one's story by name. */
    private record Modules(List<EmulatedUnit> chinaTelecom, List<EmulatedUnit> chinaMobile,
                           Map<String, ModuleStory> stories) {
        Set<String> imeis() {
            return stories.values().stream().map(ModuleStory::imei).collect(Collectors.toSet());
        }
    }

    /**
     * Powers on the share's modules in waves of {@link #WAVE}, a second of module time apart, each with the run's
     * loss and duplication from its power-on; provisions the China Mobile ones; and lets the planned module time pass,
     * the storms happening at their instants, counted from the last wave's power-on.
     */
    private static Modules drive(Lab lab, FleetPlan plan, FleetStorms storms, Shard shard, Progress progress) {
        List<EmulatedUnit> chinaTelecom = new ArrayList<>();
        List<EmulatedUnit> chinaMobile = new ArrayList<>();
        Map<String, ModuleStory> stories = new LinkedHashMap<>();
        List<NetworkFault> faults = faultsOf(storms);
        Descriptors descriptors = new Descriptors(ModuleNetwork.channelsRefused());
        for (int i = 0; i < plan.chinaTelecom(); i++) {
            if (!shard.includes(i)) {
                continue;
            }
            nextWave(lab, stories.size());
            EmulatedUnit unit = lab.add("ct-" + i, profile(i, storms, new Sim(String.format("46011%010d", i),
                    String.format("898603%014d", i))));
            stories.put(unit.name(), ModuleStory.of(unit.module(), storms.ctSleepOff(), plan.updatePeriod()));
            faults.forEach(unit.module().network().faults()::add);
            if (storms.ctSleepOff()) {
                require(unit, "AT+QSCLK=0");
                require(unit, "AT+QRST=1");
            }
            chinaTelecom.add(unit);
        }
        for (int i = 0; i < plan.chinaMobile(); i++) {
            int n = plan.chinaTelecom() + i;
            if (!shard.includes(n)) {
                continue;
            }
            nextWave(lab, stories.size());
            EmulatedUnit unit = lab.add("cm-" + i, profile(n, storms, new Sim(String.format("46004%010d", i),
                    String.format("898600%014d", i))));
            stories.put(unit.name(), ModuleStory.of(unit.module(), false, plan.updatePeriod()));
            faults.forEach(unit.module().network().faults()::add);
            LabApplication.provision(unit, imei(n), plan.updatePeriod().toSeconds());
            unit.at("AT+QRST=1");
            chinaMobile.add(unit);
        }
        List<EmulatedUnit> all = new ArrayList<>(chinaTelecom);
        all.addAll(chinaMobile);
        List<Storm> timeline = timeline(storms, all, stories);
        timeline.stream().filter(storm -> storm.at().isZero()).forEach(storm -> storm.action().run());
        Duration total = plan.span();
        for (Duration done = Duration.ZERO; done.compareTo(total) < 0; ) {
            Duration until = min(done.plus(STEP), total);
            for (Storm storm : timeline) {
                if (storm.at().compareTo(done) > 0 && storm.at().compareTo(until) < 0) {
                    until = storm.at();
                }
            }
            lab.advance(until.minus(done));
            done = until;
            descriptors.check(done);
            for (Storm storm : timeline) {
                if (storm.at().equals(done)) {
                    storm.action().run();
                }
            }
            if (done.toNanos() % STEP.toNanos() == 0 || done.equals(total)) {
                progress.advanced(done, total);
            }
        }
        return new Modules(chinaTelecom, chinaMobile, stories);
    }

    /**
     * A run stopped because its modules awake at once needed more file descriptors than the process has: a module's
     * exchange failing for want of a socket would be the run's failure, not the module's or the platform's.
     */
    public static final class DescriptorsExhausted extends RuntimeException {
        DescriptorsExhausted(String message) {
            super(message);
        }
    }

    /**
     * Watches the modules' sockets: a module awake holds a file descriptor per channel, a module in PSM none, so a run
     * needs as many as modules are awake at once.
     */
    private record Descriptors(long refusedBefore) {
        void check(Duration at) {
            long refused = ModuleNetwork.channelsRefused() - refusedBefore;
            if (refused > 0) {
                throw new DescriptorsExhausted(refused + " module socket(s) could not be opened by "
                        + Durations.format(at) + " of module time, with " + ModuleNetwork.channelsBound()
                        + " open: more modules were awake at once than this process has file descriptors for ("
                        + FleetPlan.descriptorLimit() + "); raise it with ulimit -n, or run the fleet in shares"
                        + " (--shard)");
            }
        }
    }

    /** Lets the wave spacing pass before the {@code n}th module (from 0) when it starts a new wave. */
    private static void nextWave(Lab lab, int n) {
        if (n > 0 && n % WAVE == 0) {
            lab.advance(WAVE_SPACING);
        }
    }

    /** Something that happens to the fleet at an instant of module time. */
    private record Storm(Duration at, Runnable action) {
    }

    /** The FOTA wave and the outage's start and end, in the order given (a storm at 0 happens before any time passes). */
    private static List<Storm> timeline(FleetStorms storms, List<EmulatedUnit> units, Map<String, ModuleStory> stories) {
        List<Storm> timeline = new ArrayList<>();
        storms.fota().ifPresent(wave -> {
            List<EmulatedUnit> upgraded = new ArrayList<>(units);
            Collections.shuffle(upgraded, new Random(storms.seed()));
            List<EmulatedUnit> chosen = upgraded.subList(0, (int) Math.round(wave.fraction() * units.size()));
            // pushed in waves as the power-on was: a whole fleet rebooting at one instant would be awake at once
            for (int first = 0; first < chosen.size(); first += WAVE) {
                List<EmulatedUnit> batch = chosen.subList(first, Math.min(chosen.size(), first + WAVE));
                Duration at = wave.at().plus(WAVE_SPACING.multipliedBy(first / WAVE));
                timeline.add(new Storm(at, () -> batch.forEach(unit -> {
                    stories.get(unit.name()).upgrading(wave.version());
                    unit.module().upgradeFirmware(wave.version());
                })));
            }
        });
        storms.outage().ifPresent(window -> {
            timeline.add(new Storm(window.from(), () -> units.forEach(unit -> {
                for (LabService service : LabService.values()) {
                    unit.module().network().faults().add(NetworkFault.dropAll(service));
                }
            })));
            timeline.add(new Storm(window.to(), () -> units.forEach(unit -> {
                var faults = unit.module().network().faults();
                faults.clear();
                faultsOf(storms).forEach(faults::add);
            })));
        });
        return timeline;
    }

    /** The faults in force for the whole run: the loss and duplication of datagrams to the platform. */
    private static List<NetworkFault> faultsOf(FleetStorms storms) {
        List<NetworkFault> faults = new ArrayList<>();
        for (LabService service : LabService.values()) {
            if (storms.loss() > 0) {
                faults.add(NetworkFault.dropWithProbability(service, storms.loss()));
            }
            if (storms.duplicate() > 0) {
                faults.add(NetworkFault.duplicateWithProbability(service, storms.duplicate()));
            }
        }
        return faults;
    }

    private static void require(EmulatedUnit unit, String line) {
        if (!unit.at(line).isOk()) {
            throw new IllegalStateException(unit.name() + " refused " + line);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * The outcome table and the battery cost; {@code platformOnLabClock} when the platform ran on the lab's clock (in
     * this process), so that its expiries of registrations can be expected.
     */
    private static FleetReport report(FleetRecords records, FleetPlan plan, Modules modules,
            boolean platformOnLabClock) {
        List<EmulatedUnit> chinaTelecom = modules.chinaTelecom();
        List<EmulatedUnit> chinaMobile = modules.chinaMobile();
        Map<String, ModuleStory> stories = modules.stories();
        Duration end = plan.span();
        List<ModuleStory> ct = chinaTelecom.stream().map(unit -> stories.get(unit.name())).toList();
        List<ModuleStory> cm = chinaMobile.stream().map(unit -> stories.get(unit.name())).toList();
        FleetReport report = new FleetReport();
        report.explain(CHINA_TELECOM, explained(ct.stream().map(story -> story.ctExplanation(end)).toList()));
        report.explain(CHINA_MOBILE, explained(cm.stream().map(ModuleStory::dmExplanation).toList()));
        report.datagrams(new FleetReport.Datagrams(sum(stories.values(), ModuleStory::transmissions),
                sum(stories.values(), ModuleStory::lost)));

        Map<String, Long> ctStored = records.ctRegistrations().stream()
                .collect(Collectors.groupingBy(CtRegistration::imei, Collectors.counting()));
        report.expect("China Telecom modules whose every boot registered or gave up as the seed says", ct.size(),
                ct.stream().filter(story -> story.ctAsTheSeedSays(end)).count());
        report.expect("China Telecom attempts that failed (expected: every datagram of theirs lost)",
                sum(ct, ModuleStory::exchangesEveryDatagramLost), sum(ct, ModuleStory::exchangesFailed));
        report.expect("China Telecom registrations the modules had acknowledged, in the platform's records",
                sum(ct, ModuleStory::ctAcknowledged),
                sum(ct, story -> Math.min(story.ctAcknowledged(), ctStored.getOrDefault(story.imei(), 0L))));
        report.expect("China Telecom records beyond those acknowledged (a duplicate stored twice)", 0,
                sum(ct, story -> Math.max(0, ctStored.getOrDefault(story.imei(), 0L) - story.ctAcknowledged()
                        - story.underWay(LabService.CT))));
        report.expect("China Telecom reports the platform rejected", 0, records.ctRejections().size());

        List<DmEvent> events = records.dmEvents();
        Map<String, Long> registers = okEvents(events, "register");
        Map<String, Long> updates = okEvents(events, "update");
        report.expect("China Mobile modules whose every boot's Register ended (state 6, 7 or 8)", cm.size(),
                cm.stream().filter(ModuleStory::dmRegisteredOrTimedOut).count());
        report.expect("China Mobile Registers and Updates that timed out (expected: every datagram of theirs lost)",
                sum(cm, ModuleStory::exchangesEveryDatagramLost), sum(cm, ModuleStory::exchangesFailed));
        report.expect("CMDMP Registers the modules had acknowledged (state 6), in the platform's records",
                sum(cm, ModuleStory::dmRegistered),
                sum(cm, story -> Math.min(story.dmRegistered(), registers.getOrDefault(story.imei(), 0L))));
        report.expect("CMDMP Updates the modules had acknowledged (state 11), in the platform's records",
                sum(cm, ModuleStory::dmUpdated),
                sum(cm, story -> Math.min(story.dmUpdated(), updates.getOrDefault(story.imei(), 0L))));
        report.expect("CMDMP records beyond those acknowledged (a duplicate stored twice)", 0,
                sum(cm, story -> Math.max(0, registers.getOrDefault(story.imei(), 0L) - story.dmRegistered()
                        + updates.getOrDefault(story.imei(), 0L) - story.dmUpdated() - story.underWay(LabService.DM))));
        report.expect("object 666 reads decrypted and stored (one per acknowledged Register and Update)",
                sum(cm, story -> story.dmRegistered() + story.dmUpdated()), count(events, "read", "ok"));
        if (platformOnLabClock) {
            Map<String, Long> expired = events.stream().filter(event -> event.kind().equals(EXPIRED))
                    .collect(Collectors.groupingBy(DmEvent::imei, Collectors.counting()));
            report.expect("CMDMP registrations the platform expired (expected: an Update failed, or a FOTA left it)",
                    sum(cm, story -> story.dmExpiriesDue(end)), sum(cm, story -> Math.max(0,
                            expired.getOrDefault(story.imei(), 0L) - story.underWay(LabService.DM))));
        }
        report.expect("CMDMP events that failed or were flagged (expected: the refusals the modules got)",
                sum(cm, ModuleStory::dmRefused), events.stream()
                        .filter(event -> !event.outcome().equals("ok") && !event.kind().equals(EXPIRED)).count());

        int hours = (int) (end.toHours() + 1);
        report.registered(CHINA_TELECOM, perHour(ct, hours));
        report.registered(CHINA_MOBILE, perHour(cm, hours));
        spent(report, CHINA_TELECOM, chinaTelecom);
        spent(report, CHINA_MOBILE, chinaMobile);
        return report;
    }

    /** The platform's event for a registration whose lifetime ran out without an Update. */
    private static final String EXPIRED = "expired";

    /** The carriers' names in the report. */
    static final String CHINA_TELECOM = "China Telecom";
    static final String CHINA_MOBILE = "China Mobile";

    private static void spent(FleetReport report, String carrier, List<EmulatedUnit> units) {
        if (units.isEmpty()) {
            return;
        }
        List<Map<AwakeReason, Duration>> accounts = units.stream().map(unit -> unit.module().awakeBreakdown()).toList();
        report.spent(carrier, BatteryCost.of(accounts), BatteryCost.perModule(accounts));
    }

    private static long[] perHour(List<ModuleStory> stories, int hours) {
        long[] counts = new long[hours];
        stories.forEach(story -> story.registeredAt().forEach(at -> counts[(int) Math.min(hours - 1, at.toHours())]++));
        return counts;
    }

    /** Modules per explanation, most first (then in words' order, so that a run's table is repeatable). */
    private static List<FleetReport.Explained> explained(List<String> explanations) {
        Map<String, Long> counts = explanations.stream().collect(Collectors.groupingBy(text -> text, TreeMap::new,
                Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(entry -> new FleetReport.Explained(entry.getKey(), entry.getValue())).toList();
    }

    private static Map<String, Long> okEvents(List<DmEvent> events, String kind) {
        return events.stream().filter(event -> event.kind().equals(kind) && event.outcome().equals("ok"))
                .collect(Collectors.groupingBy(DmEvent::imei, Collectors.counting()));
    }

    private static long sum(Collection<ModuleStory> stories, ToLongFunction<ModuleStory> value) {
        return stories.stream().mapToLong(value).sum();
    }

    private static long count(List<DmEvent> events, String kind, String outcome) {
        return events.stream().filter(event -> event.kind().equals(kind) && event.outcome().equals(outcome)).count();
    }

    private static ModuleProfile profile(int n, FleetStorms storms, Sim sim) {
        ModuleProfile profile = ModuleProfile.standard().withImei(imei(n)).withSim(Optional.of(sim));
        return storms.firmware().map(profile::withFirmware).orElse(profile);
    }

    /**
     * Module n's IMEI: 15 digits, none shared with another module of the run. The China Telecom modules are numbered
     * first (0 to {@code chinaTelecom - 1}), then the China Mobile ones.
     */
    public static String imei(int n) {
        return String.format("8699981%08d", n);
    }
}
