package dev.selfreg.lab.demo;

import dev.selfreg.lab.EmulatedUnit;
import dev.selfreg.module.ModuleStatus;
import dev.selfreg.platform.core.PlatformChange;
import dev.selfreg.platform.store.CtRegistration;
import dev.selfreg.platform.store.DmEvent;
import dev.selfreg.time.ModuleClock;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Tells in the terminal what happens in the lab: what each module does (power, attach, its
 * registration states) and what the platform receives, each line stamped with the time.
 */
final class Narrator implements Consumer<PlatformChange> {

    /** The names of {@code <DMstate>} (seed 3.2.2). */
    private static final Map<Integer, String> DM_STATES = Map.of(0, "initial", 4, "connect OK", 5, "connect failed",
            6, "register OK", 7, "register failed", 8, "register timeout", 9, "lifetime timeout", 11, "update OK",
            12, "update failed", 13, "update timeout");
    private static final DateTimeFormatter WALL = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final PrintStream out;
    private final ModuleClock clock;
    private final Map<String, ModuleStatus> last = new HashMap<>();
    private final Map<String, Integer> lastRegistration = new HashMap<>();

    Narrator(PrintStream out, ModuleClock clock) {
        this.out = out;
        this.clock = clock;
    }

    private synchronized void say(String who, String what) {
        String time = clock.isVirtual() ? "t+" + stamp(clock.elapsed()) : LocalTime.now().format(WALL);
        out.printf("%-12s %-9s %s%n", time, who, what);
        out.flush();
    }

    private static String stamp(Duration d) {
        return String.format("%dd %02d:%02d:%02d", d.toDays(), d.toHoursPart(), d.toMinutesPart(), d.toSecondsPart());
    }

    /** Compares each module with what it was at the last look and tells what changed. */
    synchronized void look(List<EmulatedUnit> units) {
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

    @Override
    public void accept(PlatformChange change) {
        if (change instanceof PlatformChange.CtAccepted accepted) {
            CtRegistration r = accepted.record();
            say("platform", "ZZHC report accepted: IMEI " + r.imei() + ", ICCID " + r.iccid() + ", " + r.model() + " "
                    + r.swver() + " (over " + r.transport() + ")");
        } else if (change instanceof PlatformChange.CtRejected rejected) {
            say("platform", "ZZHC report rejected: " + rejected.record().reason());
        } else if (change instanceof PlatformChange.DmEventAdded added) {
            DmEvent e = added.record();
            String what = switch (e.kind()) {
                case "read" -> "object 666 read";
                case "register" -> "CMDMP register";
                case "update" -> "CMDMP update";
                default -> "CMDMP " + e.kind();
            };
            say("platform", what + " from IMEI " + e.imei() + ": " + e.outcome() + (e.reason().isEmpty() ? "" : " (" + e.reason() + ")"));
        }
    }

    void note(String what) {
        say("lab", what);
    }
}
