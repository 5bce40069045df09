package dev.selfreg.module.network;

import java.util.Objects;
import org.eclipse.californium.core.coap.Response;

/** How a confirmable request ended. */
public sealed interface CoapOutcome {

    /** A response arrived: piggybacked on the ACK, or separate after an empty ACK. */
    record Answered(Response response) implements CoapOutcome {
        /** Requires the response. */
        public Answered {
            Objects.requireNonNull(response, "response");
        }
    }

    /** The peer rejected the request with a Reset. */
    record Reset() implements CoapOutcome {
    }

    /**
     * No answer: every transmission timed out (or, after an empty ACK, the separate response
     * never came).
     *
     * @param transmissions how many times the request was sent
     */
    record TimedOut(int transmissions) implements CoapOutcome {
    }

    /**
     * The request could not be delivered at all: an ICMP port unreachable from the lab endpoint
     * (no platform listening there), or the socket failed.
     */
    record Unreachable(String reason) implements CoapOutcome {
        /** Requires the reason. */
        public Unreachable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
