package dev.selfreg.platform.dm;

import dev.selfreg.platform.core.LogText;
import dev.selfreg.platform.store.StoreException;
import dev.selfreg.protocol.cmdmp.DmRegister;
import dev.selfreg.protocol.cmdmp.UriQueryOption;
import java.util.List;
import java.util.Optional;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.Exchange;
import org.eclipse.californium.core.server.MessageDeliverer;
import org.eclipse.leshan.core.request.BindingMode;
import org.eclipse.leshan.server.registration.Registration;
import org.eclipse.leshan.server.registration.RegistrationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers 4.00 Bad Request to a Register or Update whose {@code lt} or {@code b} Uri-Query option Leshan cannot read,
 * before Leshan's resources see it, and counts and records the rejection with its reason as the platform's checks do.
 *
 * <p>Why here: Leshan 2.0.0-M15's {@code RegisterResource} reads {@code lt} with {@code Long.valueOf} and {@code b}
 * with {@code BindingMode.parse} while it builds the request, outside any check: what they throw reaches its CoAP
 * resource's catch-all and is answered 5.00 Internal Server Error, as if the platform had failed. It also takes any
 * number as a lifetime, 0 and negative ones too. Neither is a hook of Leshan's, so the check runs at the Californium
 * deliverer of Leshan's endpoint, which hands each request to those resources.
 *
 * <p>A lifetime is a whole number of seconds from 1 to 4294967295, the range of the CoRE Resource Directory's
 * {@code lt} (RFC 9176, section 5.3) that LwM2M's registration interface follows; a binding is letters Leshan knows
 * ({@code BindingMode}), whose combinations Leshan itself then checks for the LwM2M version (4.00 too).
 */
final class DmQueryCheck {

    private static final Logger log = LoggerFactory.getLogger(DmQueryCheck.class);
    /** RFC 9176, section 5.3: "Range of 1-4294967295". */
    private static final long LONGEST_LIFETIME = 4_294_967_295L;

    private final RegistrationStore registrations;
    private final DmRecorder recorder;
    private final DmTrafficCounter counter;
    private final DmApplications applications;

    DmQueryCheck(RegistrationStore registrations, DmRecorder recorder, DmTrafficCounter counter,
            DmApplications applications) {
        this.registrations = registrations;
        this.recorder = recorder;
        this.counter = counter;
        this.applications = applications;
    }

    /** {@code resources}, but a Register or Update with an unreadable {@code lt} or {@code b} is answered 4.00. */
    MessageDeliverer around(MessageDeliverer resources) {
        return new MessageDeliverer() {
            @Override
            public void deliverRequest(Exchange exchange) {
                Optional<DmVerdict.Rejected> rejected = check(exchange.getRequest());
                if (rejected.isPresent()) {
                    reject(exchange, rejected.get());
                } else {
                    resources.deliverRequest(exchange);
                }
            }

            @Override
            public void deliverResponse(Exchange exchange, Response response) {
                resources.deliverResponse(exchange, response);
            }
        };
    }

    /** What is wrong with the request's {@code lt} or {@code b}, if it is a Register or Update. */
    private Optional<DmVerdict.Rejected> check(Request request) {
        List<String> path = request.getOptions().getUriPath();
        if (request.getCode() != CoAP.Code.POST || path.isEmpty() || path.size() > 2
                || !path.get(0).equals(DmRegister.PATH)) {
            return Optional.empty();
        }
        for (String raw : request.getOptions().getUriQuery()) {
            UriQueryOption option = UriQueryOption.parse(raw);
            Optional<String> problem = switch (option.key()) {
                case DmRegister.LIFETIME_KEY -> lifetimeProblem(option.value());
                case DmRegister.BINDING_KEY -> bindingProblem(option.value());
                default -> Optional.empty();
            };
            if (problem.isPresent()) {
                DmFinding finding = option.key().equals(DmRegister.LIFETIME_KEY)
                        ? DmFinding.INVALID_LIFETIME : DmFinding.INVALID_BINDING;
                return Optional.of(new DmVerdict.Rejected(endpoint(request, path), null, finding,
                        raw + " " + problem.get()));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> lifetimeProblem(String value) {
        if (value.isEmpty() || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of("is not a whole number of seconds");
        }
        // more digits than the longest lifetime has, but for leading zeros, cannot be one
        String digits = value.replaceFirst("^0+(?=.)", "");
        if (digits.length() > Long.toString(LONGEST_LIFETIME).length()) {
            return Optional.of("is outside 1.." + LONGEST_LIFETIME + " s");
        }
        long seconds = Long.parseLong(digits);
        return seconds < 1 || seconds > LONGEST_LIFETIME
                ? Optional.of("is outside 1.." + LONGEST_LIFETIME + " s") : Optional.empty();
    }

    private static Optional<String> bindingProblem(String value) {
        try {
            BindingMode.parse(value);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("is not a binding of U, T, S, N and Q");
        }
    }

    /** A Register's {@code ep}, or the endpoint of the registration an Update names, as far as known, redacted. */
    private String endpoint(Request request, List<String> path) {
        if (path.size() == 2) {
            Registration registration = registrations.getRegistration(path.get(1));
            return registration == null ? "" : applications.redact(registration.getEndpoint());
        }
        return request.getOptions().getUriQuery().stream().map(UriQueryOption::parse)
                .filter(option -> option.key().equals(DmRegister.ENDPOINT_KEY)).map(UriQueryOption::value)
                .map(applications::redact).findFirst().orElse("");
    }

    private void reject(Exchange exchange, DmVerdict.Rejected rejected) {
        Request request = exchange.getRequest();
        String message = request.getOptions().getUriPath().size() == 1 ? "register" : "update";
        counter.count(request, rejected.outcome(), rejected.reason());
        try {
            recorder.rejected(message, rejected);
        } catch (StoreException e) {
            // A rejection acknowledges nothing: the device is told all the same, and the count above still tells.
            log.error("DM rejection event not stored: {}", e.getMessage());
        }
        log.info("DM {} rejected with {}: {} ({})", message, rejected.finding().answer(),
                LogText.of(rejected.endpoint()), LogText.of(rejected.explanation()));
        Response response = new Response(ResponseCode.BAD_REQUEST);
        response.setPayload(rejected.explanation());
        response.getOptions().setContentFormat(MediaTypeRegistry.TEXT_PLAIN);
        exchange.sendResponse(response);
    }
}
