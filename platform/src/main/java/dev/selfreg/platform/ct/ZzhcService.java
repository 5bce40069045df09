package dev.selfreg.platform.ct;

import dev.selfreg.platform.PlatformMetrics;
import dev.selfreg.platform.PlatformRecords;
import dev.selfreg.platform.store.CtRegistration;
import dev.selfreg.platform.store.CtRejection;
import dev.selfreg.protocol.zzhc.ZzhcReply;
import dev.selfreg.protocol.zzhc.ZzhcReport;
import dev.selfreg.protocol.zzhc.ZzhcVerdict;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * China Telecom's self-registration service, transport-free: a report body in, the reply out.
 * Every report is decoded and checked (ct-zzhc-wire.md), then committed — accepted or rejected
 * with its reason — before the reply is made, so an acknowledged report is never lost. The
 * CoAP and HTTP front ends only carry bytes.
 */
public final class ZzhcService {

    /** The largest body accepted; a real report is about 250 bytes of Base64. */
    public static final int MAX_BODY_BYTES = 4096;
    /** How much of a rejected body is kept for diagnosis. */
    private static final int KEPT_BODY_CHARS = 512;

    private static final Logger log = LoggerFactory.getLogger(ZzhcService.class);

    private final PlatformRecords records;
    private final PlatformMetrics metrics;
    private final Clock clock;

    public ZzhcService(PlatformRecords records, PlatformMetrics metrics, Clock clock) {
        this.records = records;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Handles one report.
     *
     * @param transport {@code coap} or {@code http}
     * @param peer      the sender, {@code host:port}
     * @throws dev.selfreg.platform.store.StoreException when the record cannot be committed; the
     *                                                   front end then answers a server error, so
     *                                                   the module counts a failure and retries
     */
    public ZzhcReply handle(byte[] body, String transport, String peer) {
        long start = System.nanoTime();
        try {
            ZzhcVerdict verdict = body.length > MAX_BODY_BYTES
                    ? ZzhcReport.decode(new byte[0]) : ZzhcReport.decode(body);
            if (verdict instanceof ZzhcVerdict.Accepted accepted) {
                ZzhcReport report = accepted.report();
                CtRegistration stored = records.accepted(new CtRegistration(0, clock.instant(), transport, peer,
                        report.imei(), report.sim1LteImsi(), report.sim1Iccid(), report.model(), report.swver(),
                        report.regver(), report.json()));
                metrics.count("ct", "accepted", "");
                log.info("ZZHC report accepted over {} from {}: IMEI {} ICCID {}", transport, peer, stored.imei(), stored.iccid());
            } else if (verdict instanceof ZzhcVerdict.Rejected rejected) {
                String detail = body.length > MAX_BODY_BYTES
                        ? "body of " + body.length + " bytes exceeds " + MAX_BODY_BYTES : rejected.detail();
                records.rejected(new CtRejection(0, clock.instant(), transport, peer, rejected.resultCode(),
                        rejected.resultDesc(), detail, printable(body)));
                metrics.count("ct", "rejected", rejected.reason().name().toLowerCase());
                log.info("ZZHC report rejected over {} from {}: {} {} ({})", transport, peer, rejected.resultCode(),
                        rejected.resultDesc(), detail);
            }
            return verdict.reply();
        } finally {
            metrics.handled("ct", Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** The start of a body as text a person can read: control bytes and invalid UTF-8 shown as '.'. */
    static String printable(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, KEPT_BODY_CHARS), StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(c < 0x20 || c == 0x7f || c == 0xfffd ? '.' : c));
        if (body.length > KEPT_BODY_CHARS) {
            out.append("...");
        }
        return out.toString();
    }
}
