package dev.selfreg.platform.dm;

import dev.selfreg.capture.record.WireRecorder;
import dev.selfreg.platform.core.CoapEndpointSettings;
import dev.selfreg.platform.core.CoapIntake;
import dev.selfreg.platform.core.PlatformMetrics;
import dev.selfreg.platform.core.PlatformRecords;
import dev.selfreg.platform.core.PlatformTime;
import dev.selfreg.platform.core.Shedding;
import dev.selfreg.protocol.cmdmp.TerminalInfo;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.serialization.UdpDataSerializer;
import org.eclipse.californium.elements.Connector;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.leshan.core.link.lwm2m.LwM2mLinkParser;
import org.eclipse.leshan.core.model.ObjectLoader;
import org.eclipse.leshan.core.model.ObjectModel;
import org.eclipse.leshan.core.node.codec.LwM2mDecoder;
import org.eclipse.leshan.core.node.codec.LwM2mEncoder;
import org.eclipse.leshan.server.LeshanServer;
import org.eclipse.leshan.server.LeshanServerBuilder;
import org.eclipse.leshan.server.californium.endpoint.CaliforniumServerEndpointsProvider;
import org.eclipse.leshan.server.californium.endpoint.coap.CoapServerEndpointFactory;
import org.eclipse.leshan.server.californium.endpoint.coap.CoapServerProtocolProvider;
import org.eclipse.leshan.server.endpoint.LwM2mServerEndpointsProvider;
import org.eclipse.leshan.server.model.LwM2mModelProvider;
import org.eclipse.leshan.server.model.VersionedModelProvider;
import org.eclipse.leshan.server.queue.ClientAwakeTimeProvider;
import org.eclipse.leshan.server.registration.RegistrationDataExtractor;
import org.eclipse.leshan.server.registration.RegistrationHandler;
import org.eclipse.leshan.server.registration.RegistrationIdProvider;
import org.eclipse.leshan.server.registration.RegistrationStore;
import org.eclipse.leshan.server.request.UplinkRequestReceiver;
import org.eclipse.leshan.server.security.Authorizer;
import org.eclipse.leshan.server.security.SecurityStore;
import org.eclipse.leshan.server.security.ServerSecurityInfo;
import org.eclipse.leshan.server.send.SendHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lab platform's China Mobile CMDMP service (cmcc-dm-wire.md): an Eclipse Leshan LwM2M 1.0 server over plain
 * CoAP/UDP that checks DM 2.0 Registers and Updates, answers Deregisters, reads the terminal information after each
 * Register and Update, notices lifetime expiry, and keeps every message in the platform's records and metrics.
 *
 * <p>Leshan is extended only through its own extension points:
 * <ul>
 *   <li>{@link DmEndpointAuthorizer}, its {@code Authorizer}: the DM 2.0 checks of {@code ep} and {@code epi};</li>
 *   <li>{@link DmRegistrationReceiver}, through the protected {@code LeshanServer#createRequestReceiver} hook: the
 *       answer codes the Authorizer cannot give, and commit-then-reply;</li>
 *   <li>{@link DmTerminalInfoReader}, a {@code RegistrationListener}: the read of {@code /666/0} and expiry;</li>
 *   <li>{@link DmRegistrationStore}, its {@code RegistrationStore}: Leshan's in-memory store with the lifetimes on the
 *       platform's time, so that on a lab's virtual clock a registration expires in module time;</li>
 *   <li>{@link DmTrafficCounter}, the Californium message deliverer and datagram parser of Leshan's CoAP endpoint:
 *       counting and timing what Leshan answers on its own;</li>
 *   <li>{@link DmQueryCheck}, around the resources of Leshan's CoAP endpoint: 4.00 for an {@code lt} or {@code b}
 *       that Leshan's {@code RegisterResource} would fail on with 5.00;</li>
 *   <li>{@link CoapIntake}, around that endpoint's connector, parser and deliverer: a bounded queue for its
 *       handler threads, shedding with 5.03 what waited too long for one.</li>
 * </ul>
 * Registrations live in Leshan's memory; the platform store keeps their record, so a restarted platform shows the
 * devices and events while the modules register again.
 */
public final class DmService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DmService.class);

    private final PlatformRecords records;
    private final PlatformMetrics metrics;
    private final DmApplications applications;
    private final boolean strict;
    private final PlatformTime time;
    private final Timing timing;
    /**
     * Threads handling requests: each waits for its record's commit before Leshan replies, so
     * many of them let one group commit serve many devices at once (on a store whose records go
     * through its writer; a journaled save is written by its own thread and waits for no one).
     */
    private static final int HANDLER_THREADS = 32;

    private LeshanServer server;
    private DmTerminalInfoReader reader;
    private int port;

    /**
     * A service with the default {@link Timing}.
     *
     * @param applications the APPkeys whose endpoints and values it can decrypt
     * @param strict refuse unknown APPkeys and plain LwM2M endpoint names (4.03) instead of flagging them
     * @param time the time of the records and of the registrations' lifetimes, and the account of the work a lab's
     *             clock waits for; it stays its owner's to close
     */
    public DmService(PlatformRecords records, PlatformMetrics metrics, DmApplications applications, boolean strict,
            PlatformTime time) {
        this(records, metrics, applications, strict, time, Timing.DEFAULT);
    }

    /** A service with its own timing, for tests that cannot wait for the defaults. */
    public DmService(PlatformRecords records, PlatformMetrics metrics, DmApplications applications, boolean strict,
            PlatformTime time, Timing timing) {
        this.records = Objects.requireNonNull(records, "records");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.applications = Objects.requireNonNull(applications, "applications");
        this.strict = strict;
        this.time = Objects.requireNonNull(time, "time");
        this.timing = Objects.requireNonNull(timing, "timing");
    }

    /**
     * Binds the CoAP endpoint and starts serving.
     *
     * @param bindHost the only address it listens on
     * @param port the UDP port; 0 picks a free one, see {@link #port()}
     * @throws IllegalStateException when already started, or when the port cannot be bound
     */
    public synchronized void start(String bindHost, int port) {
        start(bindHost, port, WireRecorder.none());
    }

    /** The same, with every datagram written to {@code wire} as listener {@code dm}. */
    public synchronized void start(String bindHost, int port, WireRecorder wire) {
        if (server != null) {
            throw new IllegalStateException("the DM service is already started");
        }
        DmRecorder recorder = new DmRecorder(records, time.clock());
        DmEndpointAuthorizer authorizer = new DmEndpointAuthorizer(applications, strict);
        DmTrafficCounter counter = new DmTrafficCounter(metrics, recorder, applications, time);
        DmRegistrationStore registrations = new DmRegistrationStore(time);
        Shedding shedding = new Shedding(metrics, "dm");
        CoapIntake intake = new CoapIntake("dm", shedding, metrics, time.queueWait());
        CaliforniumServerEndpointsProvider endpoints =
                new CaliforniumServerEndpointsProvider.Builder(new CoapServerProtocolProvider())
                        .setConfiguration(config -> CoapEndpointSettings.apply(config)
                                .set(CoapConfig.PROTOCOL_STAGE_THREAD_COUNT, HANDLER_THREADS))
                        .addEndpoint(new CoapServerEndpointFactory(coapUri(bindHost, port), "DM", null,
                                endpoint -> endpoint.setDataSerializerAndParser(new UdpDataSerializer(),
                                        counter.datagramParser(intake))) {
                            @Override
                            protected Connector createConnector(InetSocketAddress address, Configuration config) {
                                return intake.gate(wire.udp("dm", super.createConnector(address, config)));
                            }
                        })
                        .build();
        LeshanServerBuilder builder = new DmLeshanServerBuilder(leshanReceiver ->
                new DmRegistrationReceiver(leshanReceiver, authorizer, registrations, recorder, counter, shedding));
        builder.setRegistrationStore(registrations)
                .setAuthorizer(authorizer)
                .setObjectModelProvider(new VersionedModelProvider(models()))
                .setEndpointsProviders(endpoints)
                .disableQueueModeSupport();
        LeshanServer leshan = builder.build();
        CoapServer coap = endpoints.getCoapServer();
        DmQueryCheck queryCheck = new DmQueryCheck(registrations, recorder, counter, applications);
        coap.setMessageDeliverer(counter.around(queryCheck.around(coap.getMessageDeliverer())));
        coap.setMessageDeliverer(intake.around(coap.getMessageDeliverer()));
        DmTerminalInfoReader terminalInfo =
                new DmTerminalInfoReader(leshan, applications, recorder, timing.readTimeout(), time);
        leshan.getRegistrationService().addListener(terminalInfo);
        try {
            leshan.start();
        } catch (RuntimeException e) {
            leshan.destroy();
            throw new IllegalStateException("the DM service cannot listen on " + bindHost + ":" + port, e);
        }
        this.server = leshan;
        this.reader = terminalInfo;
        this.port = coap.getEndpoints().get(0).getAddress().getPort();
        log.info("DM service listening on {}:{} ({} application(s){})", bindHost, this.port,
                applications.appKeys().size(), strict ? ", strict" : "");
    }

    /** The UDP port it listens on. */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("the DM service is not started");
        }
        return port;
    }

    /** Stops serving and releases the port and every thread of the Leshan server. */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        reader.close();
        server.destroy();
        server = null;
    }

    private static URI coapUri(String host, int port) {
        try {
            return new URI("coap", null, host, port, null, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a host to bind: " + host, e);
        }
    }

    /** Leshan's default objects (1.0 versions, as DM 2.0 speaks LwM2M 1.0) and object 666. */
    private static List<ObjectModel> models() {
        List<ObjectModel> models = new ArrayList<>(ObjectLoader.loadDefault());
        models.add(TerminalInfo.objectModel());
        return models;
    }

    /**
     * How long the read of {@code /666/0} waits for the device, in wall time: it is a real exchange (Californium's
     * own timers). Expiry needs no setting: it follows the lifetimes on the platform's time.
     */
    public record Timing(Duration readTimeout) {

        /** A read answered within 10 s. */
        public static final Timing DEFAULT = new Timing(Duration.ofSeconds(10));

        /** Checks the duration. */
        public Timing {
            Objects.requireNonNull(readTimeout, "readTimeout");
            if (readTimeout.isNegative() || readTimeout.isZero()) {
                throw new IllegalArgumentException("readTimeout must be positive: " + readTimeout);
            }
        }
    }

    /**
     * Leshan's builder, building a server whose request receiver is wrapped: {@code LeshanServer#createRequestReceiver}
     * is Leshan's protected factory method for it, and {@link LeshanServerBuilder#createServer} the one for the server.
     */
    private static final class DmLeshanServerBuilder extends LeshanServerBuilder {
        private final UnaryOperator<UplinkRequestReceiver> wrap;

        DmLeshanServerBuilder(UnaryOperator<UplinkRequestReceiver> wrap) {
            this.wrap = wrap;
        }

        @Override
        protected LeshanServer createServer(LwM2mServerEndpointsProvider endpointsProvider,
                RegistrationStore registrationStore, SecurityStore securityStore, Authorizer authorizer,
                LwM2mModelProvider modelProvider, LwM2mEncoder encoder, LwM2mDecoder decoder, boolean noQueueMode,
                ClientAwakeTimeProvider awakeTimeProvider, RegistrationIdProvider registrationIdProvider,
                RegistrationDataExtractor registrationDataExtractor, LwM2mLinkParser linkParser,
                ServerSecurityInfo serverSecurityInfo, boolean updateRegistrationOnNotification,
                boolean updateRegistrationOnSend) {
            return new LeshanServer(endpointsProvider, registrationStore, securityStore, authorizer, modelProvider,
                    encoder, decoder, noQueueMode, awakeTimeProvider, registrationIdProvider,
                    registrationDataExtractor, updateRegistrationOnNotification, updateRegistrationOnSend, linkParser,
                    serverSecurityInfo) {
                @Override
                protected UplinkRequestReceiver createRequestReceiver(RegistrationHandler registrationHandler,
                        SendHandler sendHandler) {
                    return wrap.apply(super.createRequestReceiver(registrationHandler, sendHandler));
                }
            };
        }
    }
}
