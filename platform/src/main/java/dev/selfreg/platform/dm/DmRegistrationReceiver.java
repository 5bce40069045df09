package dev.selfreg.platform.dm;

import dev.selfreg.platform.core.LogText;
import dev.selfreg.platform.core.Shedding;
import dev.selfreg.platform.core.StoreRefusal;
import dev.selfreg.platform.store.StoreException;
import java.net.URI;
import java.util.Optional;
import org.eclipse.leshan.core.ResponseCode;
import org.eclipse.leshan.core.peer.LwM2mPeer;
import org.eclipse.leshan.core.request.DeregisterRequest;
import org.eclipse.leshan.core.request.RegisterRequest;
import org.eclipse.leshan.core.request.UpdateRequest;
import org.eclipse.leshan.core.request.UplinkRequest;
import org.eclipse.leshan.core.response.DeregisterResponse;
import org.eclipse.leshan.core.response.LwM2mResponse;
import org.eclipse.leshan.core.response.RegisterResponse;
import org.eclipse.leshan.core.response.SendableResponse;
import org.eclipse.leshan.core.response.UpdateResponse;
import org.eclipse.leshan.server.profile.ClientProfile;
import org.eclipse.leshan.server.registration.Registration;
import org.eclipse.leshan.server.registration.RegistrationStore;
import org.eclipse.leshan.server.request.UplinkRequestReceiver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out {@link DmEndpointAuthorizer}'s verdicts around Leshan's own request receiver, installed through
 * Leshan's {@code LeshanServer#createRequestReceiver} hook. It sees each Register, Update and Deregister after
 * Leshan's registration handler and before the CoAP resource sends the answer, which is where two lab rules can be
 * kept that the Authorizer cannot express:
 * <ul>
 *   <li>the response code: a malformed endpoint is 4.00 (Leshan declines every Register with 4.03) and a wrong
 *       {@code epi} 4.03 (Leshan declines every Update with 4.00, as LwM2M 1.0 lists no 4.03 for Update);</li>
 *   <li>commit, then reply: the device record and event are committed before the answer leaves, so an acknowledged
 *       registration is never missing from the records. When the commit fails the device gets 5.03 while the store
 *       cannot commit at all ({@link StoreRefusal}: its database gone, or its queue full, which is load shed and
 *       logged at a bounded rate), else 5.00, and, for a Register, Leshan forgets the registration again.</li>
 * </ul>
 * Leshan's registration listeners run only after the answer is sent, too late for the second rule.
 *
 * <p>Why here: Leshan's other ways to a 4.00 cover only part of it. Its {@code InvalidRequestException}, thrown from
 * the Authorizer, becomes 4.00 in its CoAP resource layer, but nothing there gives an Update 4.03; a
 * {@code RegistrationDataExtractor} runs before the Authorizer and sees the object links only; a subclass of its
 * {@code RegisterResource} would replace a resource its endpoints provider creates and wires itself. The request
 * receiver sees the request, the verdict and Leshan's answer before it is sent, for every code.
 */
final class DmRegistrationReceiver implements UplinkRequestReceiver {

    private static final Logger log = LoggerFactory.getLogger(DmRegistrationReceiver.class);
    /** CoAP 5.03, for which Leshan's ResponseCode has no constant. */
    private static final ResponseCode SERVICE_UNAVAILABLE = new ResponseCode(503, "SERVICE_UNAVAILABLE");

    private final UplinkRequestReceiver leshan;
    private final DmEndpointAuthorizer authorizer;
    private final RegistrationStore registrations;
    private final DmRecorder recorder;
    private final DmTrafficCounter counter;
    private final Shedding shedding;

    DmRegistrationReceiver(UplinkRequestReceiver leshan, DmEndpointAuthorizer authorizer,
            RegistrationStore registrations, DmRecorder recorder, DmTrafficCounter counter, Shedding shedding) {
        this.leshan = leshan;
        this.authorizer = authorizer;
        this.registrations = registrations;
        this.recorder = recorder;
        this.counter = counter;
        this.shedding = shedding;
    }

    @Override
    public <T extends LwM2mResponse> SendableResponse<T> requestReceived(LwM2mPeer sender, ClientProfile profile,
            UplinkRequest<T> request, URI serverEndpoint) {
        SendableResponse<T> answer;
        Optional<DmVerdict> verdict;
        try {
            answer = leshan.requestReceived(sender, profile, request, serverEndpoint);
        } finally {
            verdict = authorizer.takeVerdict(request);
        }
        // No verdict: Leshan answered without asking (an unknown registration is 4.04); the counter counts that.
        return verdict.isPresent() ? carryOut(request, verdict.get(), answer) : answer;
    }

    @Override
    public void onError(LwM2mPeer sender, ClientProfile profile, Exception error,
            Class<? extends UplinkRequest<? extends LwM2mResponse>> requestType, URI serverEndpoint) {
        leshan.onError(sender, profile, error, requestType, serverEndpoint);
    }

    private <T extends LwM2mResponse> SendableResponse<T> carryOut(UplinkRequest<T> request, DmVerdict verdict,
            SendableResponse<T> answer) {
        String message = message(request);
        if (!(verdict instanceof DmVerdict.Rejected) && !answer.getResponse().isSuccess()) {
            // Approved, yet Leshan refused it (an Update invalid for the registration): its answer stands.
            return answer;
        }
        try {
            if (verdict instanceof DmVerdict.Rejected rejected) {
                recorder.rejected(message, rejected);
                counter.count(request.getCoapRequest(), rejected.outcome(), rejected.reason());
                log.info("DM {} rejected with {}: {} ({})", message, rejected.finding().answer(),
                        LogText.of(rejected.endpoint()), LogText.of(rejected.explanation()));
                return replaced(request, rejected.finding().code(), rejected.explanation(), answer);
            }
            record(request, verdict, answer.getResponse());
            counter.count(request.getCoapRequest(), verdict.outcome(), verdict.reason());
            return answer;
        } catch (StoreException e) {
            StoreRefusal refusal = StoreRefusal.of(e);
            if (refusal.shed()) {
                shedding.note(refusal.reason());
            } else {
                log.warn("DM {} {}", message, refusal.describe());
            }
            if (!(verdict instanceof DmVerdict.Rejected) && answer.getResponse() instanceof RegisterResponse created) {
                registrations.removeRegistration(created.getRegistrationID());
            }
            counter.count(request.getCoapRequest(), refusal.outcome(), refusal.reason());
            return replaced(request, refusal.unavailable() ? SERVICE_UNAVAILABLE : ResponseCode.INTERNAL_SERVER_ERROR,
                    "not stored: " + refusal.reason(), answer);
        }
    }

    private void record(UplinkRequest<?> request, DmVerdict verdict, LwM2mResponse response) {
        DmIdentity identity = verdict instanceof DmVerdict.Flagged flagged
                ? flagged.identity() : ((DmVerdict.Accepted) verdict).identity();
        String outcome = verdict instanceof DmVerdict.Flagged ? "flagged" : "ok";
        String reason = verdict instanceof DmVerdict.Flagged flagged
                ? flagged.finding().label() + ": " + flagged.detail() : "";
        if (request instanceof RegisterRequest) {
            Registration registration = registrations.getRegistration(((RegisterResponse) response).getRegistrationID());
            recorder.registered(registration, identity, outcome, reason);
            log.info("DM register {}: {} IMEI {} as {}{}", verdict.outcome(), LogText.of(identity.endpoint()),
                    identity.imei(), registration.getId(), reason.isEmpty() ? "" : " (" + LogText.of(reason) + ")");
        } else if (request instanceof UpdateRequest update) {
            Registration registration = registrations.getRegistration(update.getRegistrationId());
            recorder.updated(registration, identity, outcome, reason, verdict.dialect());
            log.info("DM update {}: {} IMEI {}{}", verdict.outcome(), LogText.of(identity.endpoint()),
                    identity.imei(), reason.isEmpty() ? "" : " (" + LogText.of(reason) + ")");
        } else {
            recorder.deregistered(identity);
            log.info("DM deregister: {} IMEI {}", LogText.of(identity.endpoint()), identity.imei());
        }
    }

    private static String message(UplinkRequest<?> request) {
        if (request instanceof RegisterRequest) {
            return "register";
        }
        return request instanceof UpdateRequest ? "update" : "deregister";
    }

    /** The same kind of response with another code and a diagnostic payload. */
    @SuppressWarnings("unchecked")
    private static <T extends LwM2mResponse> SendableResponse<T> replaced(UplinkRequest<T> request, ResponseCode code,
            String diagnostic, SendableResponse<T> answer) {
        LwM2mResponse response;
        if (request instanceof RegisterRequest) {
            response = new RegisterResponse(code, null, diagnostic);
        } else if (request instanceof UpdateRequest) {
            response = new UpdateResponse(code, diagnostic);
        } else if (request instanceof DeregisterRequest) {
            response = new DeregisterResponse(code, diagnostic);
        } else {
            return answer;
        }
        // T is the response type of the request kind just tested.
        return new SendableResponse<>((T) response);
    }
}
