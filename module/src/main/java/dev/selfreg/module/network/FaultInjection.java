package dev.selfreg.module.network;

import dev.selfreg.time.ModuleClock;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.Message;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;

/**
 * The fault layer of a module's network, between the {@link ExchangeMatcher} above and the
 * {@link Connector} below: it applies the {@link NetworkFaults} in force to the module's
 * requests before they reach a socket (a drop costs no wall time; an {@code error} or
 * {@code malformed} fault answers in the platform's place; a {@code duplicate} sends the datagram twice) and hands
 * every message from the lab up on the clock, as late as a {@code delay} fault says. The module's own answers pass
 * untouched. What an {@code error} fault answers is each service's to say: its agent supplies
 * the reply ({@link #answerErrorsWith}); the network speaks no platform's language.
 */
final class FaultInjection {

    /** What a {@code malformed} fault answers: neither JSON nor text. */
    private static final byte[] GARBAGE = "\u00ff\u0000garbage\u00fe".getBytes(StandardCharsets.ISO_8859_1);

    private final NetworkFaults faults;
    private final ModuleClock clock;
    private final BiConsumer<LabService, Message> up;
    private final Map<LabService, Supplier<Response>> errorReplies = new EnumMap<>(LabService.class);

    /**
     * @param faults the faults in force
     * @param clock  where messages are handed up
     * @param up     the layer above: gets each message from a service, in a task on the clock
     */
    FaultInjection(NetworkFaults faults, ModuleClock clock, BiConsumer<LabService, Message> up) {
        this.faults = faults;
        this.clock = clock;
        this.up = up;
    }

    /**
     * Answers the requests an {@code error} fault of {@code service} catches with what
     * {@code reply} returns (code, options and payload; type, MID and token are set here).
     * Without one, an error fault answers 5.00 Internal Server Error, CoAP's own.
     */
    synchronized void answerErrorsWith(LabService service, Supplier<Response> reply) {
        errorReplies.put(service, reply);
    }

    /**
     * One transmission of {@code request} to {@code service}: lost, answered in the platform's
     * place, or, when no fault catches it, whatever {@code below} makes of it.
     */
    Transmission.Fate transmit(LabService service, Request request, Supplier<Transmission.Fate> below) {
        return switch (faults.onRequest(service)) {
            case DROP -> Transmission.Fate.DROPPED;
            case ERROR -> answerInPlaceOfThePlatform(service, request, errorReply(service));
            case MALFORMED -> answerInPlaceOfThePlatform(service, request, garbage());
            case SEND -> below.get();
            case DUPLICATE -> {
                below.get(); // the copy: the platform's CoAP layer must recognise it by its MID
                yield below.get();
            }
        };
    }

    /** Hands {@code message} from {@code service} up, on the clock, as late as the delay faults say. */
    void deliver(LabService service, Message message) {
        clock.schedule(faults.answerDelay(service), () -> up.accept(service, message));
    }

    private Transmission.Fate answerInPlaceOfThePlatform(LabService service, Request request, Response answer) {
        answer.setType(Type.ACK);
        answer.setMID(request.getMID());
        answer.setToken(request.getToken());
        deliver(service, answer);
        return Transmission.Fate.ANSWERED_BY_FAULT;
    }

    private Response errorReply(LabService service) {
        Supplier<Response> reply;
        synchronized (this) {
            reply = errorReplies.get(service);
        }
        return reply != null ? reply.get() : new Response(ResponseCode.INTERNAL_SERVER_ERROR);
    }

    private static Response garbage() {
        Response answer = new Response(ResponseCode.CONTENT);
        answer.setPayload(GARBAGE);
        return answer;
    }
}
