package dev.selfreg.capture.exchange;

import dev.selfreg.checks.observed.DmMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The expiries the platform would have found among one device's CMDMP messages, taken one at a time in time order: a
 * registration ends at its last accepted Register or Update plus its lifetime, when nothing refreshed or ended it by
 * then (Leshan, no grace period). Holds one entry per endpoint of the device.
 */
final class Lifetimes {

    private final Map<String, Alive> aliveUntil = new HashMap<>();
    private final Map<String, Long> lifetimes = new HashMap<>();

    /** Until when a registration lives, and the message that last made it live. */
    private record Alive(Instant until, String ref) {
    }

    /** The messages, in time order, with the expiries among them and those due by {@code until}. */
    static List<DmMessage> withExpiries(List<DmMessage> messages, Instant until) {
        List<DmMessage> sorted = new ArrayList<>(messages);
        sorted.sort(Comparator.comparing(DmMessage::time));
        Lifetimes lifetimes = new Lifetimes();
        List<DmMessage> out = new ArrayList<>();
        sorted.forEach(message -> lifetimes.accept(message, out::add));
        lifetimes.until(until, out::add);
        return out;
    }

    /** Takes the next message: gives {@code out} the expiries before it, then the message. */
    void accept(DmMessage message, Consumer<DmMessage> out) {
        until(message.time(), out);
        String endpoint = message.endpoint();
        if (message instanceof DmMessage.Register register && register.accepted()) {
            long lifetime = register.lifetime().orElse(DmJudgement.DEFAULT_LIFETIME);
            lifetimes.put(endpoint, lifetime);
            aliveUntil.put(endpoint, new Alive(register.time().plus(Duration.ofSeconds(lifetime)), register.ref()));
        } else if (message instanceof DmMessage.Update update && update.accepted()
                && lifetimes.containsKey(endpoint) && aliveUntil.containsKey(endpoint)) {
            aliveUntil.put(endpoint, new Alive(update.time().plus(Duration.ofSeconds(lifetimes.get(endpoint))),
                    update.ref()));
        } else if (message instanceof DmMessage.Deregister) {
            aliveUntil.remove(endpoint);
        }
        out.accept(message);
    }

    /** Gives {@code out} the expiries due before {@code now}. */
    void until(Instant now, Consumer<DmMessage> out) {
        aliveUntil.entrySet().removeIf(alive -> {
            if (alive.getValue().until().isBefore(now)) {
                out.accept(new DmMessage.Expiry("expiry after " + alive.getValue().ref(), alive.getValue().until(),
                        alive.getKey()));
                return true;
            }
            return false;
        });
    }
}
