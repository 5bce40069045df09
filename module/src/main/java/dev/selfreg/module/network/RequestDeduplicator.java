package dev.selfreg.module.network;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.serialization.UdpDataSerializer;

/**
 * The confirmable requests lab services send to the module (the DM platform reading the
 * module's LwM2M objects), with Californium's {@code Deduplicator} in front: a request of a
 * service the module {@link #serve serves} is answered with a piggybacked response from that
 * service's server, once; a retransmission of it (the same service and MID) gets the same
 * answer again without asking the server (RFC 7252 §4.5). Any other service's requests are
 * answered with a Reset.
 */
final class RequestDeduplicator {

    /** Answers to served requests remembered to answer a retransmitted request again. */
    private static final int ANSWERS_KEPT = 32;

    /** A request of a lab service the module answered, by the service and the request's MID. */
    private record Answered(LabService service, int mid) {
    }

    private final Replies replies;
    private final UdpDataSerializer serializer = new UdpDataSerializer();
    private final Map<LabService, Function<Request, Response>> servers = new EnumMap<>(LabService.class);
    private final Map<Answered, byte[]> answers = new LinkedHashMap<>();

    /** @param replies sends the module's answers and Resets */
    RequestDeduplicator(Replies replies) {
        this.replies = replies;
    }

    /** Answers the requests of {@code service} with what {@code server} returns (type, MID and token are set here). */
    synchronized void serve(LabService service, Function<Request, Response> server) {
        servers.put(service, server);
    }

    /** Handles a confirmable request of {@code service}, in a task on the clock; the server is called without this lock. */
    void receive(LabService service, Request request) {
        Function<Request, Response> server;
        synchronized (this) {
            server = servers.get(service);
            if (server == null) {
                replies.sendEmpty(service, Type.RST, request.getMID()); // the module serves no requests there
                return;
            }
            byte[] earlier = answers.get(new Answered(service, request.getMID()));
            if (earlier != null) {
                replies.send(service, earlier, "the answer to retransmitted MID " + request.getMID());
                return;
            }
        }
        answer(service, request, server.apply(request));
    }

    /** Sends {@code response} to {@code request} piggybacked on the ACK, and remembers it for a retransmission. */
    private synchronized void answer(LabService service, Request request, Response response) {
        response.setType(Type.ACK);
        response.setMID(request.getMID());
        response.setToken(request.getToken());
        byte[] bytes = serializer.getByteArray(response);
        answers.put(new Answered(service, request.getMID()), bytes);
        if (answers.size() > ANSWERS_KEPT) {
            answers.remove(answers.keySet().iterator().next());
        }
        replies.send(service, bytes, response.getCode() + " to " + request.getCode() + " MID " + request.getMID());
    }

    /** Forgets the answers given, as a power cut does; the servers stay. */
    synchronized void forget() {
        answers.clear();
    }
}
