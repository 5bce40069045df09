package dev.selfreg.platform.dm;

import dev.selfreg.platform.core.PlatformTime;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.eclipse.leshan.core.Destroyable;
import org.eclipse.leshan.core.observation.Observation;
import org.eclipse.leshan.core.observation.ObservationIdentifier;
import org.eclipse.leshan.core.peer.LwM2mIdentity;
import org.eclipse.leshan.server.registration.Deregistration;
import org.eclipse.leshan.server.registration.ExpirationListener;
import org.eclipse.leshan.server.registration.InMemoryRegistrationStore;
import org.eclipse.leshan.server.registration.Registration;
import org.eclipse.leshan.server.registration.RegistrationStore;
import org.eclipse.leshan.server.registration.RegistrationUpdate;
import org.eclipse.leshan.server.registration.UpdatedRegistration;

/**
 * The DM service's Leshan {@link RegistrationStore}: Leshan's own {@link InMemoryRegistrationStore} keeps the
 * registrations and observations, and the lifetimes run on the {@link PlatformTime}.
 *
 * <p>Why: Leshan 2.0.0-M15 stamps a registration's {@code lastUpdate} with {@code new Date()} and its in-memory store
 * expires it from a cleaner thread of its own that compares {@code lastUpdate + lifetime} with
 * {@code System.currentTimeMillis()} ({@code Registration#isAlive}, no grace period) every clean period. Neither takes
 * a clock, so on a lab's virtual clock a day's lifetime would take a day of wall time. Here the inner store is never
 * started (its cleaner never runs), and each registration's end is kept in platform time: the end is set by the
 * Register and moved by every Update, and a timer on the platform's time removes the registration and tells Leshan's
 * {@link ExpirationListener} (so the registration listeners see {@code expired}) at the first instant after the end.
 * Leshan's own dates of a registration are not read by the platform; its records carry platform time.
 *
 * <p>The end is inclusive, as LwM2M's "within the lifetime": an Update at the last instant of the lifetime keeps the
 * registration; a registration with a lifetime of L seconds expires when L seconds have passed since the Register or
 * the last Update, one nanosecond of module time later on a virtual clock. No grace period is added (Leshan's
 * in-memory store adds none). An Update that comes after the end (the timer not yet run on a real clock) finds the
 * registration expired.
 *
 * <p>One timer per registration, never cancelled by an Update: when it finds the end moved, it is set again for the
 * new end. So a fleet of devices updating daily costs a timer each, not one per Update.
 */
final class DmRegistrationStore implements RegistrationStore, Destroyable {

    private final InMemoryRegistrationStore registrations = new InMemoryRegistrationStore();
    private final PlatformTime time;
    /** The end of each registration's lifetime, by registration id; changed under this lock only. */
    private final Map<String, Lifetime> lifetimes = new HashMap<>();
    private volatile ExpirationListener expirationListener = (registration, observations) -> { };
    private volatile boolean destroyed;

    /** The end of one registration's lifetime; its timer holds on to it. */
    private static final class Lifetime {
        Instant end;
        final String registrationId;

        Lifetime(String registrationId, Instant end) {
            this.registrationId = registrationId;
            this.end = end;
        }
    }

    DmRegistrationStore(PlatformTime time) {
        this.time = time;
    }

    @Override
    public Deregistration addRegistration(Registration registration) {
        Lifetime lifetime;
        Deregistration replaced;
        synchronized (lifetimes) {
            replaced = registrations.addRegistration(registration);
            if (replaced != null) {
                lifetimes.remove(replaced.getRegistration().getId());
            }
            lifetime = new Lifetime(registration.getId(), endOf(registration));
            lifetimes.put(registration.getId(), lifetime);
        }
        watch(lifetime);
        return replaced;
    }

    @Override
    public UpdatedRegistration updateRegistration(RegistrationUpdate update) {
        if (expireIfOver(update.getRegistrationId())) {
            return null;
        }
        synchronized (lifetimes) {
            UpdatedRegistration updated = registrations.updateRegistration(update);
            Lifetime lifetime = lifetimes.get(update.getRegistrationId());
            if (updated != null && lifetime != null) {
                lifetime.end = endOf(updated.getUpdatedRegistration());
            }
            return updated;
        }
    }

    @Override
    public Deregistration removeRegistration(String registrationId) {
        synchronized (lifetimes) {
            lifetimes.remove(registrationId);
            return registrations.removeRegistration(registrationId);
        }
    }

    @Override
    public Registration getRegistration(String registrationId) {
        return registrations.getRegistration(registrationId);
    }

    @Override
    public Registration getRegistrationByEndpoint(String endpoint) {
        return registrations.getRegistrationByEndpoint(endpoint);
    }

    @Override
    public Registration getRegistrationByAdress(InetSocketAddress address) {
        return registrations.getRegistrationByAdress(address);
    }

    @Override
    public Registration getRegistrationByIdentity(LwM2mIdentity identity) {
        return registrations.getRegistrationByIdentity(identity);
    }

    @Override
    public Iterator<Registration> getAllRegistrations() {
        return registrations.getAllRegistrations();
    }

    @Override
    public Collection<Observation> addObservation(String registrationId, Observation observation,
            boolean addIfAbsent) {
        return registrations.addObservation(registrationId, observation, addIfAbsent);
    }

    @Override
    public Observation getObservation(String registrationId, ObservationIdentifier observationId) {
        return registrations.getObservation(registrationId, observationId);
    }

    @Override
    public Observation getObservation(ObservationIdentifier observationId) {
        return registrations.getObservation(observationId);
    }

    @Override
    public Observation removeObservation(String registrationId, ObservationIdentifier observationId) {
        return registrations.removeObservation(registrationId, observationId);
    }

    @Override
    public Collection<Observation> getObservations(String registrationId) {
        return registrations.getObservations(registrationId);
    }

    @Override
    public Collection<Observation> removeObservations(String registrationId) {
        return registrations.removeObservations(registrationId);
    }

    @Override
    public void setExpirationListener(ExpirationListener listener) {
        this.expirationListener = listener;
    }

    /** No registration expires any more; the timers still waiting find nothing to do. */
    @Override
    public void destroy() {
        destroyed = true;
        registrations.destroy();
    }

    private Instant endOf(Registration registration) {
        return time.instant().plusSeconds(registration.getLifeTimeInSec());
    }

    /** Looks at {@code lifetime} again at the first instant after its end. */
    private void watch(Lifetime lifetime) {
        Instant end;
        synchronized (lifetimes) {
            end = lifetime.end;
        }
        Duration left = Duration.between(time.instant(), end);
        time.schedule((left.isNegative() ? Duration.ZERO : left).plusNanos(1), () -> {
            if (!destroyed && !expireIfOver(lifetime.registrationId)) {
                synchronized (lifetimes) {
                    if (lifetimes.get(lifetime.registrationId) != lifetime) {
                        return; // deregistered or registered anew
                    }
                }
                watch(lifetime);
            }
        });
    }

    /** Expires the registration if its lifetime is over; returns whether it did. */
    private boolean expireIfOver(String registrationId) {
        Deregistration expired;
        synchronized (lifetimes) {
            Lifetime lifetime = lifetimes.get(registrationId);
            if (lifetime == null || !time.instant().isAfter(lifetime.end)) {
                return false;
            }
            lifetimes.remove(registrationId);
            expired = registrations.removeRegistration(registrationId);
        }
        if (expired != null) {
            expirationListener.registrationExpired(expired.getRegistration(), expired.getObservations());
        }
        return expired != null;
    }
}
