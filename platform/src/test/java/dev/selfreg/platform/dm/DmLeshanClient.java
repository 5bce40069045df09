package dev.selfreg.platform.dm;

import dev.selfreg.protocol.cmdmp.DmEpi;
import dev.selfreg.protocol.cmdmp.TerminalInfo;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.network.interceptors.MessageInterceptorAdapter;
import org.eclipse.leshan.client.LeshanClient;
import org.eclipse.leshan.client.LeshanClientBuilder;
import org.eclipse.leshan.client.californium.endpoint.CaliforniumClientEndpoint;
import org.eclipse.leshan.client.californium.endpoint.CaliforniumClientEndpointsProvider;
import org.eclipse.leshan.client.californium.endpoint.coap.CoapClientProtocolProvider;
import org.eclipse.leshan.client.endpoint.LwM2mClientEndpoint;
import org.eclipse.leshan.client.object.Device;
import org.eclipse.leshan.client.object.Security;
import org.eclipse.leshan.client.object.Server;
import org.eclipse.leshan.client.observer.LwM2mClientObserverAdapter;
import org.eclipse.leshan.client.resource.BaseInstanceEnabler;
import org.eclipse.leshan.client.resource.LwM2mObjectEnabler;
import org.eclipse.leshan.client.resource.ObjectsInitializer;
import org.eclipse.leshan.client.servers.LwM2mServer;
import org.eclipse.leshan.core.LwM2mId;
import org.eclipse.leshan.core.ResponseCode;
import org.eclipse.leshan.core.model.ObjectLoader;
import org.eclipse.leshan.core.model.ObjectModel;
import org.eclipse.leshan.core.model.StaticModel;
import org.eclipse.leshan.core.request.RegisterRequest;
import org.eclipse.leshan.core.request.UpdateRequest;
import org.eclipse.leshan.core.response.ReadResponse;

/**
 * A stock Eclipse Leshan client (leshan-client-cf) on the loopback interface, registering with a {@link DmLab}. Each
 * outcome the client observes is queued as {@code register 2.01}, {@code update 4.03}..., so a test can script the
 * exchange and assert on each reply.
 */
public final class DmLeshanClient implements AutoCloseable {

    private static final int SHORT_SERVER_ID = 123;
    private static final long LIFETIME = 300;

    private final CaliforniumClientEndpointsProvider endpoints;
    private final LeshanClient client;
    private final BlockingQueue<String> outcomes = new LinkedBlockingQueue<>();

    private DmLeshanClient(String endpoint, String serverUri, TerminalInfoInstance terminalInfo) {
        List<ObjectModel> models = new ArrayList<>(ObjectLoader.loadDefault());
        models.add(TerminalInfo.objectModel());
        ObjectsInitializer objects = new ObjectsInitializer(new StaticModel(models));
        objects.setInstancesForObject(LwM2mId.SECURITY, Security.noSec(serverUri, SHORT_SERVER_ID));
        objects.setInstancesForObject(LwM2mId.SERVER, new Server(SHORT_SERVER_ID, LIFETIME));
        objects.setInstancesForObject(LwM2mId.DEVICE, new Device("Quectel", "BC260Y-CN", DmLab.IMEI));
        List<LwM2mObjectEnabler> enablers;
        if (terminalInfo == null) {
            enablers = objects.create(LwM2mId.SECURITY, LwM2mId.SERVER, LwM2mId.DEVICE);
        } else {
            objects.setInstancesForObject(TerminalInfo.OBJECT_ID, terminalInfo);
            // Leshan wants a factory for server Create requests, which object 666 never gets: its one instance.
            objects.setFactoryForObject(TerminalInfo.OBJECT_ID, (model, id, used) -> terminalInfo);
            enablers = objects.create(LwM2mId.SECURITY, LwM2mId.SERVER, LwM2mId.DEVICE, TerminalInfo.OBJECT_ID);
        }
        endpoints = new CaliforniumClientEndpointsProvider.Builder(new CoapClientProtocolProvider())
                .setClientAddress(InetAddress.getLoopbackAddress())
                .build();
        client = new LeshanClientBuilder(endpoint).setObjects(enablers).setEndpointsProviders(endpoints).build();
        client.addObserver(new LwM2mClientObserverAdapter() {
            @Override
            public void onRegistrationSuccess(LwM2mServer server, RegisterRequest request, String registrationId) {
                outcomes.add("register 2.01");
            }

            @Override
            public void onRegistrationFailure(LwM2mServer server, RegisterRequest request, ResponseCode code,
                    String message, Exception cause) {
                outcomes.add("register " + coap(code));
            }

            @Override
            public void onUpdateSuccess(LwM2mServer server, UpdateRequest request) {
                outcomes.add("update 2.04");
            }

            @Override
            public void onUpdateFailure(LwM2mServer server, UpdateRequest request, ResponseCode code,
                    String message, Exception cause) {
                outcomes.add("update " + coap(code));
            }
        });
    }

    /** A client with the default objects (Security, Server, Device) and a plain endpoint name. */
    static DmLeshanClient plain(String endpoint, DmLab lab) {
        return plain(endpoint, lab.uri(""));
    }

    /** A client with the default objects and a plain endpoint name, for the DM server at {@code serverUri}. */
    public static DmLeshanClient plain(String endpoint, String serverUri) {
        return new DmLeshanClient(endpoint, serverUri, null);
    }

    /** A client that also serves object 666, instance 0, with the model from the protocol module. */
    static DmLeshanClient withTerminalInfo(String endpoint, DmLab lab, TerminalInfoInstance terminalInfo) {
        return new DmLeshanClient(endpoint, lab.uri(""), terminalInfo);
    }

    public void start() {
        client.start();
    }

    /** The next outcome the client observed, waiting at most 10 s. */
    public String nextOutcome() throws InterruptedException {
        String outcome = outcomes.poll(10, TimeUnit.SECONDS);
        if (outcome == null) {
            throw new AssertionError("the Leshan client observed nothing within 10 s");
        }
        return outcome;
    }

    /**
     * Sends an Update now, carrying {@code epi} as a DM 2.0 module does. The stock client sends no additional
     * attributes with an Update (its request builder writes {@code lt}, {@code sms} and {@code b} only), so the
     * option is added where a module's firmware would: to the outgoing CoAP request, at the client's endpoint.
     */
    void update(String epi) {
        for (LwM2mClientEndpoint endpoint : endpoints.getEndpoints()) {
            ((CaliforniumClientEndpoint) endpoint).getCoapEndpoint().addInterceptor(new MessageInterceptorAdapter() {
                @Override
                public void sendRequest(Request request) {
                    boolean update = request.getCode() == CoAP.Code.POST
                            && request.getOptions().getUriPath().size() == 2;
                    // A retransmission passes here again with the option already added.
                    boolean added = request.getOptions().getUriQuery().stream()
                            .anyMatch(option -> option.startsWith(DmEpi.QUERY_KEY + "="));
                    if (update && !added) {
                        request.getOptions().addUriQuery(DmEpi.QUERY_KEY + "=" + epi);
                    }
                }
            });
        }
        client.triggerRegistrationUpdate();
    }

    @Override
    public void close() {
        client.destroy(false);
    }

    private static String coap(ResponseCode code) {
        return code == null ? "error" : code.getCode() / 100 + "." + String.format("%02d", code.getCode() % 100);
    }

    /** Object 666 instance 0 answering the encrypted values it is given, resource by resource. */
    static final class TerminalInfoInstance extends BaseInstanceEnabler {
        private volatile Map<Integer, String> encrypted;

        TerminalInfoInstance(Map<Integer, String> encrypted) {
            super(TerminalInfo.INSTANCE_ID);
            this.encrypted = encrypted;
        }

        /** What the next reads answer. */
        void answer(Map<Integer, String> newValues) {
            encrypted = newValues;
        }

        @Override
        public ReadResponse read(LwM2mServer server, int resourceId) {
            String value = encrypted.get(resourceId);
            return value == null ? ReadResponse.notFound() : ReadResponse.success(resourceId, value);
        }

        @Override
        public List<Integer> getAvailableResourceIds(ObjectModel model) {
            return encrypted.keySet().stream().sorted().toList();
        }
    }
}
