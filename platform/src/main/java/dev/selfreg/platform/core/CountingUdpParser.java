package dev.selfreg.platform.core;

import org.eclipse.californium.core.coap.Message;
import org.eclipse.californium.core.network.serialization.MessageHeader;
import org.eclipse.californium.core.network.serialization.UdpDataParser;
import org.eclipse.californium.elements.util.DatagramReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Californium's UDP parser for one of the platform's services, counting and logging each
 * datagram it cannot parse (Californium then drops it, or answers a Reset when the header is
 * readable), so a malformed packet is never lost silently.
 */
public final class CountingUdpParser extends UdpDataParser {

    private static final Logger log = LoggerFactory.getLogger(CountingUdpParser.class);

    private final PlatformMetrics metrics;
    private final String service;
    private final Runnable taken;

    /** @param service the metrics label of the service, {@code ct} or {@code dm} */
    public CountingUdpParser(PlatformMetrics metrics, String service) {
        this(metrics, service, () -> { });
    }

    /** The same, telling {@code taken} of each datagram it starts on ({@link CoapIntake}: no longer waiting). */
    CountingUdpParser(PlatformMetrics metrics, String service, Runnable taken) {
        this.metrics = metrics;
        this.service = service;
        this.taken = taken;
    }

    @Override
    protected MessageHeader parseHeader(DatagramReader reader) {
        taken.run();
        try {
            return super.parseHeader(reader);
        } catch (RuntimeException e) {
            throw dropped(e);
        }
    }

    @Override
    protected Message parseMessage(DatagramReader reader, MessageHeader header, Message message) {
        try {
            return super.parseMessage(reader, header, message);
        } catch (RuntimeException e) {
            throw dropped(e);
        }
    }

    private RuntimeException dropped(RuntimeException e) {
        metrics.count(service, "dropped", "malformed coap");
        log.info("{} datagram is not CoAP, dropped: {}", service, LogText.of(String.valueOf(e.getMessage())));
        return e;
    }
}
