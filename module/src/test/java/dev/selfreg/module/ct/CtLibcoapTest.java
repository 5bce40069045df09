package dev.selfreg.module.ct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.selfreg.module.Bc260yFacts;
import dev.selfreg.module.CtStatus;
import dev.selfreg.module.ModuleProfile;
import dev.selfreg.module.Sim;
import dev.selfreg.module.network.Transmission;
import dev.selfreg.protocol.zzhc.ZzhcReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The module's China Telecom report against a CoAP server we did not write, libcoap's {@code coap-server}: what
 * libcoap parsed from the module's datagram is the report the spec describes, and libcoap's piggybacked answer ends
 * the module's exchange. libcoap answers 2.01 Created without a ZZHC reply, which the module must count as a failed
 * attempt (ct-zzhc-wire.md: success is a 2.xx whose body carries resultCode 0).
 */
class CtLibcoapTest {

    /** One PDU in libcoap's log: type, code, message ID, options and payload. */
    private static final Pattern PDU = Pattern.compile(
            "v:1 t:(\\w+) c:([\\w.]+) i:([0-9a-f]+) \\{[0-9a-f]*} \\[ ([^\\]]*) ](?: :: '([^']*)')?");

    @TempDir
    Path work;

    /** The PDUs libcoap logged, once it has logged at least {@code count} (it logs its answer just after sending). */
    private static List<MatchResult> pdus(LibcoapServer libcoap, int count) {
        return await().atMost(Duration.ofSeconds(5))
                .until(() -> PDU.matcher(libcoap.log()).results().toList(), logged -> logged.size() >= count);
    }

    /** A unit with a China Telecom SIM whose carrier network leads to libcoap, after its first attempt. */
    private static CtBench firstAttempt(LibcoapServer libcoap) {
        CtBench bench = new CtBench(libcoap.port(), ModuleProfile.standard());
        bench.advance(Duration.ofMinutes(5));
        return bench;
    }

    @Test
    void libcoapReceivesTheReportAsSpecified() throws Exception {
        try (LibcoapServer libcoap = LibcoapServer.start(work); CtBench bench = firstAttempt(libcoap)) {
            MatchResult report = pdus(libcoap, 1).get(0);
            assertThat(report.group(1)).isEqualTo("CON");
            assertThat(report.group(2)).isEqualTo("POST");
            assertThat(report.group(4)).isEqualTo("Uri-Path:nb, Content-Format:application/json");
            assertThat(report.group(5)).isEqualTo(new String(ZzhcReport.v2(Bc260yFacts.DEFAULT_IMEI,
                    "QTL-BC260Y CN", Bc260yFacts.DEFAULT_FIRMWARE, Sim.CHINA_TELECOM.iccid(),
                    Sim.CHINA_TELECOM.imsi()).encode(), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void libcoapsAcknowledgementEndsTheExchangeAndWithoutAZzhcReplyTheAttemptFailed() throws Exception {
        try (LibcoapServer libcoap = LibcoapServer.start(work); CtBench bench = firstAttempt(libcoap)) {
            List<MatchResult> pdus = pdus(libcoap, 2);
            assertThat(pdus).hasSize(2);
            MatchResult answer = pdus.get(1);
            assertThat(answer.group(1)).isEqualTo("ACK");
            assertThat(answer.group(2)).isEqualTo("2.01");
            assertThat(answer.group(3)).isEqualTo(pdus.get(0).group(3));

            // sent once and never retransmitted: the module matched libcoap's acknowledgement to its request
            assertThat(bench.transmissions).extracting(Transmission::at, Transmission::fate)
                    .containsExactly(tuple(Bc260yFacts.ATTACH_TIME, Transmission.Fate.SENT));
            assertThat(bench.module.ct().status()).isEqualTo(new CtStatus(1, "failure"));
            assertThat(bench.module.saved().ctRegistration()).isEmpty();
        }
    }
}
