package dev.selfreg.lab.fleet;

import dev.selfreg.module.Bc260yFacts;
import dev.selfreg.module.SavedConfig;
import dev.selfreg.module.emulator.Bc260yModule;
import dev.selfreg.module.network.LabService;
import dev.selfreg.module.network.Transmission;
import dev.selfreg.time.ModuleClock;
import dev.selfreg.vocabulary.DmState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one module of a fleet went through, as the module saw it: each attempt of its China Telecom agent, each state
 * of its CMDMP agent, and the fate of each datagram its network sent, from its first boot and again from a FOTA on.
 * The fleet's expected outcomes are computed from these stories: an exchange should fail exactly when every one of
 * its datagrams was lost, and every registration the module had acknowledged should be in the platform's records.
 */
final class ModuleStory {

    /** One boot's share of the story: the first boot, or the boot of the FOTA's firmware. */
    private static final class Chapter {
        final Optional<String> firmware;
        int ctAttempts;
        boolean ctSucceeded;
        Duration ctFailedAt;
        final List<Integer> dmStates = new ArrayList<>();

        Chapter(Optional<String> firmware) {
            this.firmware = firmware;
        }
    }

    /** The exchange under way with one service: whether each of its transmissions so far was lost. */
    private static final class Exchange {
        final int mid;
        boolean everyTransmissionLost;

        Exchange(int mid, boolean lost) {
            this.mid = mid;
            this.everyTransmissionLost = lost;
        }
    }

    /** The CMDMP states a Register or an Update ends in. */
    private static final Set<Integer> ENDS_AN_EXCHANGE = Set.of(DmState.REGISTERED.code(),
            DmState.REGISTER_FAILED.code(), DmState.REGISTER_TIMEOUT.code(), DmState.UPDATED.code(),
            DmState.UPDATE_FAILED.code(), DmState.UPDATE_TIMEOUT.code());

    private final String imei;
    private final ModuleClock clock;
    private final SavedConfig saved;
    private final boolean ctSleepOff;
    private final Duration dmLifetime;
    /** Module time of the last 2.01 or 2.04 while the module is registered; null when it is not. */
    private Duration dmRenewedAt;
    /** When the registration a FOTA's power cut left on the platform runs out; null when there is none. */
    private Duration abandonedExpiresAt;
    private final List<Chapter> chapters = new ArrayList<>(List.of(new Chapter(Optional.empty())));
    private final Map<LabService, Exchange> open = new EnumMap<>(LabService.class);
    private final List<Duration> registeredAt = new ArrayList<>();
    private long exchangesFailed;
    private long exchangesEveryDatagramLost;
    private long transmissions;
    private long lost;
    private long ctAcknowledged;
    private long dmRegistered;
    private long dmUpdated;
    private long dmRefused;
    private long dmUpdatesFailed;

    private ModuleStory(String imei, ModuleClock clock, SavedConfig saved, boolean ctSleepOff, Duration dmLifetime) {
        this.imei = imei;
        this.clock = clock;
        this.saved = saved;
        this.ctSleepOff = ctSleepOff;
        this.dmLifetime = dmLifetime;
    }

    /**
     * Starts telling {@code module}'s story; before its first attach, so that nothing is missed. {@code dmPeriod} is
     * its CMDMP update period, from which its registrations' lifetime follows.
     */
    static ModuleStory of(Bc260yModule module, boolean ctSleepOff, Duration dmPeriod) {
        ModuleStory story = new ModuleStory(module.profile().imei(), module.clock(), module.saved(), ctSleepOff,
                dmPeriod.plus(Bc260yFacts.DM_LIFETIME_MARGIN));
        module.network().onTransmission(story::transmitted);
        module.ct().onAttempt(story::ctAttemptEnded);
        module.dm().onState(state -> story.dmEntered(state.code()));
        return story;
    }

    String imei() {
        return imei;
    }

    /** The FOTA to {@code version} is about to boot the module: a new chapter begins. */
    synchronized void upgrading(String version) {
        chapters.add(new Chapter(Optional.of(version)));
        if (dmRenewedAt != null) {
            abandonedExpiresAt = dmRenewedAt.plus(dmLifetime);
            dmRenewedAt = null;
        }
        open.clear(); // the power cut of the FOTA ends whatever was under way, unanswered and unreported
    }

    private synchronized void transmitted(Transmission transmission) {
        if (transmission.service().isEmpty()) {
            return;
        }
        transmissions++;
        boolean gone = transmission.fate() != Transmission.Fate.SENT
                && transmission.fate() != Transmission.Fate.ANSWERED_BY_FAULT;
        if (gone) {
            lost++;
        }
        LabService service = transmission.service().get();
        Exchange exchange = open.get(service);
        if (transmission.number() == 0 || exchange == null || exchange.mid != transmission.mid()) {
            open.put(service, new Exchange(transmission.mid(), gone));
        } else {
            exchange.everyTransmissionLost &= gone;
        }
    }

    private synchronized void ctAttemptEnded(int attempt, boolean succeeded) {
        Chapter chapter = current();
        chapter.ctAttempts = attempt;
        chapter.ctSucceeded = succeeded;
        if (succeeded) {
            ctAcknowledged++;
            registeredAt.add(clock.elapsed());
        } else {
            chapter.ctFailedAt = clock.elapsed();
        }
        closeExchange(LabService.CT, !succeeded);
    }

    private synchronized void dmEntered(int state) {
        if (!ENDS_AN_EXCHANGE.contains(state) && state != DmState.LIFETIME_TIMEOUT.code()) {
            return; // 0, 4, 5: no exchange ended
        }
        Duration now = clock.elapsed();
        if (state == DmState.REGISTERED.code()) {
            dmRegistered++;
            registeredAt.add(now);
            if (abandonedExpiresAt != null && now.compareTo(abandonedExpiresAt) < 0) {
                abandonedExpiresAt = null; // the new registration of the same device replaced it in time
            }
        } else if (state == DmState.UPDATED.code()) {
            dmUpdated++;
        }
        dmRenewedAt = state == DmState.REGISTERED.code() || state == DmState.UPDATED.code() ? now : null;
        if (state == DmState.REGISTER_FAILED.code() || state == DmState.UPDATE_FAILED.code()) {
            dmRefused++;
        }
        if (state == DmState.UPDATE_FAILED.code() || state == DmState.UPDATE_TIMEOUT.code()) {
            dmUpdatesFailed++;
        }
        current().dmStates.add(state);
        if (ENDS_AN_EXCHANGE.contains(state)) {
            closeExchange(LabService.DM, state == DmState.REGISTER_TIMEOUT.code()
                    || state == DmState.UPDATE_TIMEOUT.code());
        }
    }

    /** An exchange ended; {@code failed}: without the platform's answer (CT: without success). */
    private void closeExchange(LabService service, boolean failed) {
        Exchange exchange = open.remove(service);
        if (exchange != null && exchange.everyTransmissionLost) {
            exchangesEveryDatagramLost++;
        }
        if (failed) {
            exchangesFailed++;
        }
    }

    private Chapter current() {
        return chapters.get(chapters.size() - 1);
    }

    /** The seed's attempts per boot for this module's sleep setting: 3 with AT+QSCLK=0, else 1 (seed 2.1.3, 2.1.4). */
    private int seedAttempts() {
        return ctSleepOff ? Bc260yFacts.CT_ATTEMPTS_PER_BOOT : 1;
    }

    /**
     * The China Telecom story in words, the same for every module it happened to; {@code end} is the run's span, to
     * tell a retry still due from a module that stopped early.
     */
    synchronized String ctExplanation(Duration end) {
        List<String> parts = new ArrayList<>();
        for (Chapter chapter : chapters) {
            String prefix = chapter.firmware.map(version -> "after the FOTA to " + version + ", ").orElse("");
            String text;
            if (chapter.ctAttempts == 0) {
                text = "made no attempt";
            } else if (chapter.ctSucceeded) {
                text = (chapter.firmware.isPresent() ? "registered again" : "registered") + " on attempt "
                        + chapter.ctAttempts;
            } else if (chapter.ctAttempts >= seedAttempts()) {
                text = "gave up after " + chapter.ctAttempts + " attempt" + (chapter.ctAttempts == 1 ? "" : "s")
                        + (ctSleepOff ? " (seed 2.1.3)" : " (sleep allowed: next boot, seed 2.1.4)");
            } else if (end.minus(chapter.ctFailedAt).compareTo(Bc260yFacts.CT_RETRY_INTERVAL) < 0) {
                text = "attempt " + chapter.ctAttempts + " failed, the next one due after the end";
            } else {
                text = "stopped after " + chapter.ctAttempts + " of the seed's " + seedAttempts() + " attempts";
            }
            parts.add(prefix + text);
        }
        if (chapters.size() > 1 && saved.qsregenable() == Bc260yFacts.QSREGENABLE_AFTER_FOTA) {
            parts.add("AT+QSREGENABLE? reads " + Bc260yFacts.QSREGENABLE_AFTER_FOTA + " (seed 3.2.1)");
        }
        return String.join("; ", parts);
    }

    /** Whether every chapter of the China Telecom story ends as the seed says one may. */
    synchronized boolean ctAsTheSeedSays(Duration end) {
        String explanation = ctExplanation(end);
        return !explanation.contains("made no attempt") && !explanation.contains("stopped after");
    }

    /** The CMDMP story in words: each chapter's first Register, what became of the registration, the last state. */
    synchronized String dmExplanation() {
        List<String> parts = new ArrayList<>();
        for (Chapter chapter : chapters) {
            String prefix = chapter.firmware.map(version -> "after the FOTA to " + version + ", ").orElse("");
            List<Integer> states = chapter.dmStates;
            if (states.isEmpty()) {
                parts.add(prefix + "did not register");
                continue;
            }
            StringBuilder text = new StringBuilder(prefix).append(switch (states.get(0)) {
                case 6 -> chapter.firmware.isPresent() ? "registered again" : "registered";
                case 7 -> "Register refused (state 7)";
                default -> "Register timed out (state 8)";
            });
            if (states.contains(DmState.UPDATE_TIMEOUT.code()) || states.contains(DmState.UPDATE_FAILED.code())) {
                text.append(", an Update failed (state ").append(states.contains(DmState.UPDATE_TIMEOUT.code())
                        ? DmState.UPDATE_TIMEOUT.code() : DmState.UPDATE_FAILED.code()).append(')');
            }
            int expired = states.indexOf(DmState.LIFETIME_TIMEOUT.code());
            if (expired >= 0) {
                text.append(", its registration expired (state 9) and ").append(
                        states.subList(expired, states.size()).contains(DmState.REGISTERED.code())
                                ? "it registered again" : "the fresh Register failed");
            }
            text.append(", state ").append(states.get(states.size() - 1)).append(" at the end");
            parts.add(text.toString());
        }
        return String.join("; ", parts);
    }

    /** Whether every chapter of the CMDMP story began with a Register that ended (6, 7 or 8). */
    synchronized boolean dmRegisteredOrTimedOut() {
        return chapters.stream().noneMatch(chapter -> chapter.dmStates.isEmpty());
    }

    /**
     * 1 while an exchange with {@code service} is under way (the run ended before its answer or its timeout): the
     * platform may have recorded what the module has yet to hear, one record (or one expiry) ahead of it.
     */
    synchronized long underWay(LabService service) {
        return open.containsKey(service) ? 1 : 0;
    }

    synchronized long exchangesFailed() {
        return exchangesFailed;
    }

    synchronized long exchangesEveryDatagramLost() {
        return exchangesEveryDatagramLost;
    }

    synchronized long transmissions() {
        return transmissions;
    }

    synchronized long lost() {
        return lost;
    }

    synchronized long ctAcknowledged() {
        return ctAcknowledged;
    }

    synchronized long dmRegistered() {
        return dmRegistered;
    }

    synchronized long dmUpdated() {
        return dmUpdated;
    }

    synchronized long dmRefused() {
        return dmRefused;
    }

    /**
     * The platform's registrations of this module that should have expired by {@code end}: one per Update that
     * failed (state 12 or 13), and the one a FOTA's power cut left behind when no new Register replaced it within
     * its lifetime.
     */
    synchronized long dmExpiriesDue(Duration end) {
        return dmUpdatesFailed + (abandonedExpiresAt != null && abandonedExpiresAt.compareTo(end) <= 0 ? 1 : 0);
    }

    /** Module time of each registration the platform acknowledged (CT success, CMDMP state 6). */
    synchronized List<Duration> registeredAt() {
        return List.copyOf(registeredAt);
    }
}
