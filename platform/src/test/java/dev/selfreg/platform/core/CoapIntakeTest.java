package dev.selfreg.platform.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.Exchange;
import org.eclipse.californium.core.server.MessageDeliverer;
import org.eclipse.californium.elements.AddressEndpointContext;
import org.eclipse.californium.elements.util.ClockUtil;
import org.junit.jupiter.api.Test;

/** The intake's bound on how long a request may wait for a protocol thread: the default, and one a lab gives. */
class CoapIntakeTest {

    private final PlatformMetrics metrics = new PlatformMetrics();
    private final List<Exchange> delivered = new ArrayList<>();
    private final MessageDeliverer handler = new MessageDeliverer() {
        @Override
        public void deliverRequest(Exchange exchange) {
            delivered.add(exchange);
        }

        @Override
        public void deliverResponse(Exchange exchange, Response response) {
        }
    };

    @Test
    void aRequestThatWaitedLessThanTheBoundItWasGivenIsHandledThoughLongerThanTheDefault() {
        CoapIntake intake = new CoapIntake("dm", new Shedding(metrics, "dm"), metrics, CoapIntake.MAX_WAIT.multipliedBy(5));

        intake.around(handler).deliverRequest(waited(CoapIntake.MAX_WAIT.multipliedBy(3)));

        assertThat(delivered).hasSize(1);
        assertThat(metrics.total("dm", "shed", Shedding.COAP_QUEUE_WAIT)).isZero();
    }

    @Test
    void aRequestThatWaitedLessThanTheDefaultIsHandled() {
        CoapIntake intake = new CoapIntake("dm", new Shedding(metrics, "dm"), metrics);

        intake.around(handler).deliverRequest(waited(CoapIntake.MAX_WAIT.dividedBy(2)));

        assertThat(delivered).hasSize(1);
    }

    /** A request read from the socket {@code ago}. */
    private static Exchange waited(Duration ago) {
        Request request = Request.newPost();
        request.setSourceContext(new AddressEndpointContext(new InetSocketAddress("127.0.0.1", 40000)));
        request.setNanoTimestamp(ClockUtil.nanoRealtime() - ago.toNanos());
        return new Exchange(request, request.getSourceContext().getPeerAddress(), Exchange.Origin.REMOTE, Runnable::run);
    }
}
