package dev.selfreg.module.dm;

import static org.awaitility.Awaitility.await;

import dev.selfreg.protocol.cmdmp.TerminalInfo;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.core.ConditionFactory;
import org.eclipse.leshan.core.endpoint.Protocol;
import org.eclipse.leshan.core.model.ObjectLoader;
import org.eclipse.leshan.core.model.ObjectModel;
import org.eclipse.leshan.core.observation.Observation;
import org.eclipse.leshan.core.request.ContentFormat;
import org.eclipse.leshan.core.request.ReadRequest;
import org.eclipse.leshan.server.LeshanServer;
import org.eclipse.leshan.server.LeshanServerBuilder;
import org.eclipse.leshan.server.californium.endpoint.CaliforniumServerEndpointsProvider;
import org.eclipse.leshan.server.californium.endpoint.coap.CoapServerProtocolProvider;
import org.eclipse.leshan.server.model.VersionedModelProvider;
import org.eclipse.leshan.server.registration.Registration;
import org.eclipse.leshan.server.registration.RegistrationListener;
import org.eclipse.leshan.server.registration.RegistrationUpdate;

/**
 * A stock Eclipse Leshan LwM2M server on 127.0.0.1 (a free port) as the DM platform: Leshan's
 * own OMA models plus object 666, nothing of DM 2.0 beyond that. Records every Register and
 * Update it accepted; told to, it reads {@code /666/0} after each, as the lab platform does,
 * and records the outcomes. Leshan reports on its own threads just after answering, so the
 * accessors wait (briefly, in wall time) for the count a test expects.
 */
final class LeshanDmServer implements AutoCloseable {

    /** How long to wait for Leshan's listener after the module has its answer. */
    private static final Duration LISTENER_BOUND = Duration.ofSeconds(5);
    /** How long a read of the module may take in wall time. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);

    private final LeshanServer server;
    private final List<Registration> registrations = new CopyOnWriteArrayList<>();
    private final List<RegistrationUpdate> updates = new CopyOnWriteArrayList<>();
    /** Each read's response, or the exception that ended it. */
    private final List<Object> reads = new CopyOnWriteArrayList<>();

    /** A server that sends the module no requests of its own. */
    LeshanDmServer() {
        this(false);
    }

    /** @param readsTerminalInfo read {@code /666/0} (TLV) after each Register and Update */
    LeshanDmServer(boolean readsTerminalInfo) {
        List<ObjectModel> models = new ArrayList<>(ObjectLoader.loadAllDefault());
        models.add(TerminalInfo.objectModel());
        LeshanServerBuilder builder = new LeshanServerBuilder();
        builder.setObjectModelProvider(new VersionedModelProvider(models));
        builder.setEndpointsProviders(new CaliforniumServerEndpointsProvider.Builder(new CoapServerProtocolProvider())
                .addEndpoint(new InetSocketAddress("127.0.0.1", 0), Protocol.COAP)
                .build());
        server = builder.build();
        server.getRegistrationService().addListener(new RegistrationListener() {
            @Override
            public void registered(Registration registration, Registration previous, Collection<Observation> observations) {
                registrations.add(registration);
                if (readsTerminalInfo) {
                    readTerminalInfo(registration);
                }
            }

            @Override
            public void updated(RegistrationUpdate update, Registration updated, Registration previous) {
                updates.add(update);
                if (readsTerminalInfo) {
                    readTerminalInfo(updated);
                }
            }

            @Override
            public void unregistered(Registration registration, Collection<Observation> observations, boolean expired,
                                     Registration newRegistration) {
                // a DM 2.0 module never deregisters; expiry runs on wall time, which the tests never wait out
            }
        });
        server.start();
    }

    private void readTerminalInfo(Registration registration) {
        server.send(registration, new ReadRequest(ContentFormat.TLV, TerminalInfo.OBJECT_ID, TerminalInfo.INSTANCE_ID),
                READ_TIMEOUT.toMillis(), reads::add, reads::add);
    }

    /** Polls often: Leshan's listener runs a millisecond or so after the module has its answer. */
    static ConditionFactory awaitBriefly() {
        return await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5));
    }

    int port() {
        return server.getEndpoint(Protocol.COAP).getURI().getPort();
    }

    LeshanServer leshan() {
        return server;
    }

    /** The Registers accepted, once there are {@code expected} of them. */
    List<Registration> registrations(int expected) {
        awaitBriefly().atMost(LISTENER_BOUND).until(() -> registrations.size() >= expected);
        return List.copyOf(registrations);
    }

    /** The Updates accepted, once there are {@code expected} of them. */
    List<RegistrationUpdate> updates(int expected) {
        awaitBriefly().atMost(LISTENER_BOUND).until(() -> updates.size() >= expected);
        return List.copyOf(updates);
    }

    /** The outcomes of the reads after each Register and Update, once there are {@code expected} of them. */
    List<Object> reads(int expected) {
        awaitBriefly().atMost(LISTENER_BOUND.plus(READ_TIMEOUT)).until(() -> reads.size() >= expected);
        return List.copyOf(reads);
    }

    /** The Registers accepted so far, without waiting: for counts that must stay zero or stay put. */
    List<Registration> registrationsSoFar() {
        return List.copyOf(registrations);
    }

    /** The Updates accepted so far, without waiting. */
    List<RegistrationUpdate> updatesSoFar() {
        return List.copyOf(updates);
    }

    @Override
    public void close() {
        server.destroy();
    }
}
