package dev.selfreg.platform.core;

import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.Exchange;
import org.eclipse.californium.core.server.MessageDeliverer;
import org.eclipse.californium.elements.Connector;
import org.eclipse.californium.elements.EndpointContextMatcher;
import org.eclipse.californium.elements.RawData;
import org.eclipse.californium.elements.RawDataChannel;
import org.eclipse.californium.elements.util.ClockUtil;

/**
 * The intake of one of the platform's CoAP endpoints, bounded. Californium's protocol stage queues every datagram its
 * receiver reads for its protocol threads, without limit: a platform offered more than those threads handle would
 * grow its heap with them and answer each later than the last. Here:
 * <ul>
 *   <li>at most {@link #CAPACITY} datagrams read wait for a protocol thread (from the socket to the parser); one more
 *       is dropped unread ({@value Shedding#COAP_QUEUE_FULL}), as the socket's own buffer drops it when full: the
 *       device retransmits;</li>
 *   <li>a request that waited longer than {@link #MAX_WAIT} (or the wait it is given) for its thread is answered 5.03 with a Max-Age of
 *       {@link StoreRefusal#RETRY_AFTER} without being handled ({@value Shedding#COAP_QUEUE_WAIT}), so that what the
 *       platform accepts is handled within a bounded time and a backlog clears as fast as datagrams are parsed.</li>
 * </ul>
 * Both are counted and logged through the service's {@link Shedding}. The answers the protocol threads send are not
 * in this bound: there are never more of them than requests taken, which this queue and the store's bound.
 */
public final class CoapIntake {

    /**
     * The most datagrams waiting for a protocol thread at once. More would be shed anyway: the answers to the
     * requests taken queue behind them for the same threads, and even at 500 datagrams a second, a quarter of what
     * the platform parses on two cores under load, 256 waiting are half a second, within {@link #MAX_WAIT}.
     */
    public static final int CAPACITY = 256;
    /** The longest a request may wait for a protocol thread and still be handled, unless told otherwise. */
    public static final Duration MAX_WAIT = Duration.ofSeconds(1);

    private final Shedding shedding;
    private final long maxWaitNanos;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();

    /**
     * The intake of the endpoint {@code name}, shown under that name as a queue in {@code metrics}.
     *
     * @param shedding counts and logs what it sheds, for its service
     */
    public CoapIntake(String name, Shedding shedding, PlatformMetrics metrics) {
        this(name, shedding, metrics, MAX_WAIT);
    }

    /** The same, a request shed once it waited longer than {@code maxWait}. */
    public CoapIntake(String name, Shedding shedding, PlatformMetrics metrics, Duration maxWait) {
        this.shedding = shedding;
        this.maxWaitNanos = maxWait.toNanos();
        metrics.queue(name, waiting::get, peak::get, CAPACITY);
    }

    /** Datagrams waiting for a protocol thread now. */
    public int queued() {
        return waiting.get();
    }

    /** The most datagrams that ever waited at once: never above {@link #CAPACITY}. */
    public int peak() {
        return peak.get();
    }

    /** {@code udp}, passing on what it reads while fewer than {@link #CAPACITY} datagrams wait, dropping the rest. */
    public Connector gate(Connector udp) {
        return new Gate(udp);
    }

    /** The endpoint's parser: the datagram it starts on is no longer waiting. */
    public CountingUdpParser parser(PlatformMetrics metrics, String service) {
        return new CountingUdpParser(metrics, service, waiting::decrementAndGet);
    }

    /** {@code inner}, but a request that waited too long is answered 5.03 instead of being delivered. */
    public MessageDeliverer around(MessageDeliverer inner) {
        return new MessageDeliverer() {
            @Override
            public void deliverRequest(Exchange exchange) {
                if (waitedTooLong(exchange.getRequest())) {
                    shedding.shed(Shedding.COAP_QUEUE_WAIT);
                    exchange.sendResponse(overloaded());
                } else {
                    inner.deliverRequest(exchange);
                }
            }

            @Override
            public void deliverResponse(Exchange exchange, Response response) {
                inner.deliverResponse(exchange, response);
            }
        };
    }

    /** Whether the request was read longer than the bound ago (a request without its time of arrival never). */
    private boolean waitedTooLong(Request request) {
        long received = request.getNanoTimestamp();
        return received != 0 && ClockUtil.nanoRealtime() - received > maxWaitNanos;
    }

    private static Response overloaded() {
        Response response = new Response(ResponseCode.SERVICE_UNAVAILABLE);
        response.setPayload("overloaded: " + Shedding.COAP_QUEUE_WAIT);
        response.getOptions().setContentFormat(MediaTypeRegistry.TEXT_PLAIN);
        response.getOptions().setMaxAge(StoreRefusal.RETRY_AFTER.toSeconds());
        return response;
    }

    /** Takes a datagram read when there is room for it, else drops it. */
    private boolean admit() {
        int now = waiting.incrementAndGet();
        if (now > CAPACITY) {
            waiting.decrementAndGet();
            shedding.shed(Shedding.COAP_QUEUE_FULL);
            return false;
        }
        peak.accumulateAndGet(now, Math::max);
        return true;
    }

    /** A connector passing on only the datagrams admitted. */
    private final class Gate implements Connector {
        private final Connector udp;

        Gate(Connector udp) {
            this.udp = udp;
        }

        @Override
        public void setRawDataReceiver(RawDataChannel endpoint) {
            udp.setRawDataReceiver(raw -> {
                if (admit()) {
                    endpoint.receiveData(raw);
                }
            });
        }

        @Override
        public void start() throws java.io.IOException {
            udp.start();
        }

        @Override
        public void stop() {
            udp.stop();
        }

        @Override
        public void destroy() {
            udp.destroy();
        }

        @Override
        public void send(RawData message) {
            udp.send(message);
        }

        @Override
        public void setEndpointContextMatcher(EndpointContextMatcher matcher) {
            udp.setEndpointContextMatcher(matcher);
        }

        @Override
        public InetSocketAddress getAddress() {
            return udp.getAddress();
        }

        @Override
        public String getProtocol() {
            return udp.getProtocol();
        }

        @Override
        public boolean isRunning() {
            return udp.isRunning();
        }

        @Override
        public void processDatagram(DatagramPacket datagram) {
            udp.processDatagram(datagram);
        }
    }
}
