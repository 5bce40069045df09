package dev.selfreg.module.network;

import dev.selfreg.time.ModuleClock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The simulated DNS and routing of one module's network: the {@link LabNetwork}'s map, plus
 * the server the running configuration names for a service, answered in module time with the
 * lab's DNS delay and the {@code dns-delay} and {@code dns-fail} faults in force. Nothing here
 * sends a packet.
 */
final class LabDns {

    private final LabNetwork lab;
    private final ModuleClock clock;
    private final NetworkFaults faults;
    private final Map<LabService, String> configuredRoutes = new EnumMap<>(LabService.class);
    private final Set<ModuleClock.Timer> lookups = new HashSet<>();

    /**
     * @param lab    the map of names and services
     * @param clock  where lookups take their time and are answered
     * @param faults the faults in force, read at each lookup
     */
    LabDns(LabNetwork lab, ModuleClock clock, NetworkFaults faults) {
        this.lab = lab;
        this.clock = clock;
        this.faults = faults;
    }

    /** Routes {@code host} to {@code service} besides the lab's routes, replacing the one configured before. */
    synchronized void routeConfigured(LabService service, String host) {
        configuredRoutes.put(service, LabNetwork.normalize(host));
    }

    /** The service {@code host} leads to: a configured route first, then the lab's. */
    synchronized Optional<LabService> route(String host) {
        String wanted = LabNetwork.normalize(host);
        for (Map.Entry<LabService, String> configured : configuredRoutes.entrySet()) {
            if (configured.getValue().equals(wanted)) {
                return Optional.of(configured.getKey());
            }
        }
        return lab.route(wanted);
    }

    /**
     * Resolves {@code host} and reports the answer on the clock. A name takes the lab's DNS
     * delay plus any {@code dns-delay} fault, and fails when it is not in the map or a
     * {@code dns-fail} fault is in force for its service. An IP literal needs no DNS: it
     * resolves at once, to an unreachable destination when it has no route.
     */
    synchronized void resolve(String host, Consumer<Resolution> then) {
        String wanted = LabNetwork.normalize(host);
        if (Loopback.isIpLiteral(wanted)) {
            Destination destination = new Destination(wanted, route(wanted));
            lookup(Duration.ZERO, () -> then.accept(Resolution.resolved(destination)));
            return;
        }
        Duration delay = lab.dnsDelay().plus(route(wanted).map(faults::dnsDelay).orElse(Duration.ZERO));
        lookup(delay, () -> then.accept(answer(wanted)));
    }

    /** Reports a failed lookup of {@code why} at once, on the clock (the module cannot reach any DNS). */
    synchronized void fail(String why, Consumer<Resolution> then) {
        lookup(Duration.ZERO, () -> then.accept(Resolution.failed(why)));
    }

    private void lookup(Duration delay, Runnable report) {
        ModuleClock.Timer[] timer = new ModuleClock.Timer[1];
        timer[0] = clock.schedule(delay, () -> {
            synchronized (this) {
                if (!lookups.remove(timer[0])) {
                    return; // reset meanwhile
                }
            }
            report.run();
        });
        lookups.add(timer[0]);
    }

    private synchronized Resolution answer(String host) {
        Optional<LabService> service = route(host);
        if (service.isEmpty()) {
            return Resolution.failed(host + ": no such name in the lab network");
        }
        if (faults.dnsFails(service.get())) {
            return Resolution.failed(host + ": DNS failure (injected fault)");
        }
        return Resolution.resolved(new Destination(host, service));
    }

    /** Forgets every pending lookup without answering it, as a power cut does. */
    synchronized void reset() {
        lookups.forEach(ModuleClock.Timer::cancel);
        lookups.clear();
    }
}
