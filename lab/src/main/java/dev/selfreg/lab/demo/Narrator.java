package dev.selfreg.lab.demo;

import dev.selfreg.lab.EmulatedUnit;
import dev.selfreg.module.ModuleStatus;
import dev.selfreg.platform.core.PlatformChange;
import dev.selfreg.platform.store.CtRegistration;
import dev.selfreg.platform.store.DmEvent;
import dev.selfreg.time.ModuleClock;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Tells in the terminal what happens in the lab: what each module does (power, attach, its
 * registration states) and what the platform receives, each line stamped with the time.
 *
 * <p>A module's changes are seen when the lab looks at it ({@link #look}); what the platform
 * records is told at the next look too, stamped with the record's own time, in the order of the
 * time and then of the modules, each module's records in the order they were committed. So on
 * the virtual clock, where the platform stamps module time, the narration is the same every run:
 * records the platform commits at one instant for two modules side by side are never told in
 * the order their threads happened to finish.
 */
final class Narrator implements Consumer<PlatformChange> {

    /** The names of {@code <DMstate>} (seed 3.2.2). */
    private static final Map<Integer, String> DM_STATES = Map.of(0, "initial", 4, "connect OK", 5, "connect failed",
            6, "register OK", 7, "register failed", 8, "register timeout", 9, "lifetime timeout", 11, "update OK",
            12, "update failed", 13, "update timeout");
    private static final DateTimeFormatter WALL = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final PrintStream out;
    private final ModuleClock clock;
    private final Instant epoch;
    private final Map<String, ModuleStatus> last = new HashMap<>();
    private final Map<String, Integer> lastRegistration = new HashMap<>();
    /** The modules' IMEIs in the order the lab lists them. */
    private final List<String> imeis = new ArrayList<>();
    /** What the platform recorded since the last look, in commit order. */
    private final List<Told> recorded = new ArrayList<>();

    /** One record of the platform, to be told. */
    private record Told(Instant time, String imei, String what) {
    }

    /** @param epoch the instant module time 0 stands for, from which the platform's records count on a virtual clock */
    Narrator(PrintStream out, ModuleClock clock, Instant epoch) {
        this.out = out;
        this.clock = clock;
        this.epoch = epoch;
    }

    private synchronized void say(String who, String what) {
        say(clock.isVirtual() ? "t+" + stamp(clock.elapsed()) : LocalTime.now().format(WALL), who, what);
    }

    private void say(String time, String who, String what) {
        out.printf("%-12s %-9s %s%n", time, who, what);
        out.flush();
    }

    /** Tells what the platform recorded since the last time, by time, then module, then commit. */
    private synchronized void tellRecorded() {
        List<Told> told = new ArrayList<>(recorded);
        recorded.clear();
        told.sort(Comparator.comparing(Told::time).thenComparingInt(t -> {
            int unit = imeis.indexOf(t.imei());
            return unit < 0 ? Integer.MAX_VALUE : unit;
        }));
        for (Told t : told) {
            say(clock.isVirtual() ? "t+" + stamp(Duration.between(epoch, t.time()))
                    : LocalTime.ofInstant(t.time(), ZoneId.systemDefault()).format(WALL), "platform", t.what());
        }
    }

    private static String stamp(Duration d) {
        return String.format("%dd %02d:%02d:%02d", d.toDays(), d.toHoursPart(), d.toMinutesPart(), d.toSecondsPart());
    }

    /**
     * Tells what the platform recorded since the last look, then compares each module with what
     * it was at the last look and tells what changed.
     */
    synchronized void look(List<EmulatedUnit> units) {
        for (EmulatedUnit unit : units) {
            String imei = unit.module().profile().imei();
            if (!imeis.contains(imei)) {
                imeis.add(imei);
            }
        }
        tellRecorded();
        for (EmulatedUnit unit : units) {
            ModuleStatus now = unit.module().status();
            ModuleStatus before = last.put(unit.name(), now);
            int registration = unit.module().attach().registration().stat();
            Integer registrationBefore = lastRegistration.put(unit.name(), registration);
            if (before == null || !before.power().equals(now.power())) {
                say(unit.name(), "power " + now.power());
            }
            if (!Objects.equals(registrationBefore, registration) && registration == 1) {
                say(unit.name(), "attached to the network (+CEREG: 1)");
            }
            if (before != null && before.dmState() != now.dmState()) {
                say(unit.name(), "CMDMP state " + now.dmState() + " (" + DM_STATES.getOrDefault(now.dmState(), "?") + ")");
            }
            if (before != null && !before.ct().equals(now.ct()) && !now.ct().lastOutcome().equals("none")) {
                say(unit.name(), "China Telecom self-registration attempt " + now.ct().attemptsThisBoot() + ": "
                        + now.ct().lastOutcome());
            }
        }
    }

    /** Keeps what the platform recorded for the next look. */
    @Override
    public synchronized void accept(PlatformChange change) {
        if (change instanceof PlatformChange.CtAccepted accepted) {
            CtRegistration r = accepted.record();
            recorded.add(new Told(r.receivedAt(), r.imei(), "ZZHC report accepted: IMEI " + r.imei() + ", ICCID "
                    + r.iccid() + ", " + r.model() + " " + r.swver() + " (over " + r.transport() + ")"));
        } else if (change instanceof PlatformChange.CtRejected rejected) {
            recorded.add(new Told(rejected.record().receivedAt(), null,
                    "ZZHC report rejected: " + rejected.record().reason()));
        } else if (change instanceof PlatformChange.DmEventAdded added) {
            DmEvent e = added.record();
            String what = switch (e.kind()) {
                case "read" -> "object 666 read";
                case "register" -> "CMDMP register";
                case "update" -> "CMDMP update";
                case "expired" -> "CMDMP registration expired";
                default -> "CMDMP " + e.kind();
            };
            recorded.add(new Told(e.time(), e.imei(), what + " from IMEI " + e.imei() + ": " + e.outcome()
                    + (e.reason().isEmpty() ? "" : " (" + e.reason() + ")")));
        }
    }

    /** Tells what the lab does, after what the platform recorded before it. */
    synchronized void note(String what) {
        tellRecorded();
        say("lab", what);
    }
}
