package dev.selfreg.platform.ct;

import dev.selfreg.platform.core.PlatformMetrics;
import dev.selfreg.platform.core.PlatformRecords;
import dev.selfreg.platform.core.Shedding;
import dev.selfreg.platform.core.StoreRefusal;
import dev.selfreg.platform.store.CtRegistration;
import dev.selfreg.platform.store.CtRejection;
import dev.selfreg.protocol.zzhc.ZzhcReply;
import dev.selfreg.protocol.zzhc.ZzhcReport;
import dev.selfreg.protocol.zzhc.ZzhcTransport;
import dev.selfreg.protocol.zzhc.ZzhcVerdict;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * China Telecom's self-registration service, transport-free: a report body in, the reply out.
 * Every report is decoded, checked and classified (ct-zzhc-wire.md: each client's dialect is
 * accepted and recorded with it), then committed — accepted or rejected with its reason —
 * before the reply is made, so an acknowledged report is never lost. The CoAP and HTTP front
 * ends only carry bytes.
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
    private final Shedding shedding;

    public ZzhcService(PlatformRecords records, PlatformMetrics metrics, Clock clock) {
        this.records = records;
        this.metrics = metrics;
        this.clock = clock;
        this.shedding = new Shedding(metrics, "ct");
    }

    /** The load the service turns away, counted and logged at a bounded rate; its front ends shed through it too. */
    Shedding shedding() {
        return shedding;
    }

    /**
     * Handles one report: decodes and checks it, commits the registration or the rejection, and
     * completes with the reply once the record is committed. When the record cannot be committed
     * the future fails with a {@link dev.selfreg.platform.store.StoreException}, counted and logged here with its
     * reason: the front end then answers as {@link StoreRefusal} says (no success reply), so the module counts a
     * failure and tries again later. A report shed because the store's queue is full is logged at a bounded rate
     * ({@link Shedding}), not one line each.
     *
     * @param transport how it arrived
     * @param peer      the sender, {@code host:port}
     */
    public CompletableFuture<ZzhcReply> handle(byte[] body, ZzhcTransport transport, String peer) {
        long start = System.nanoTime();
        boolean oversized = body.length > MAX_BODY_BYTES;
        ZzhcVerdict verdict = ZzhcReport.decode(oversized ? new byte[0] : body, transport);
        String via = transport.wireName();
        CompletableFuture<?> committed;
        if (verdict instanceof ZzhcVerdict.Accepted accepted) {
            ZzhcReport report = accepted.report();
            committed = records.acceptedAsync(new CtRegistration(0, clock.instant(), via, peer, report.imei(),
                    report.sim1LteImsi(), report.sim1Iccid(), report.model(), report.swver(), report.regver(),
                    accepted.json(), Optional.of(accepted.dialect())))
                    .thenAccept(stored -> {
                        metrics.count("ct", "accepted", "");
                        log.info("ZZHC report accepted over {} from {}: IMEI {} ICCID {} ({})", via, peer,
                                stored.imei(), stored.iccid(), accepted.dialect().label());
                    });
        } else {
            ZzhcVerdict.Rejected rejected = (ZzhcVerdict.Rejected) verdict;
            String detail = oversized ? "body of " + body.length + " bytes exceeds " + MAX_BODY_BYTES : rejected.detail();
            committed = records.rejectedAsync(new CtRejection(0, clock.instant(), via, peer, rejected.resultCode(),
                    rejected.resultDesc(), detail, printable(body), rejected.dialect()))
                    .thenAccept(stored -> {
                        metrics.count("ct", "rejected", rejected.reason().name().toLowerCase(Locale.ROOT));
                        log.info("ZZHC report rejected over {} from {}: {} {} ({})", via, peer,
                                rejected.resultCode(), rejected.resultDesc(), detail);
                    });
        }
        return committed.handle((ignored, failure) -> {
            metrics.handled("ct", Duration.ofNanos(System.nanoTime() - start));
            if (failure != null) {
                StoreRefusal refusal = StoreRefusal.of(failure).counted(metrics, "ct");
                if (refusal.shed()) {
                    shedding.note(refusal.reason());
                } else {
                    log.warn("ZZHC report over {} from {} {}", via, peer, refusal.describe());
                }
                throw new CompletionException(refusal.cause());
            }
            return verdict.reply();
        });
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
