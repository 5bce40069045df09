package dev.selfreg.platform.ct;

import static dev.selfreg.platform.ct.ZzhcFixtures.TEST_VECTOR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.platform.store.CtRegistration;
import dev.selfreg.platform.store.CtRejection;
import dev.selfreg.protocol.zzhc.ZzhcReply;
import dev.selfreg.protocol.zzhc.ZzhcTransport;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ZzhcServiceTest {

    private final ZzhcFixtures lab = new ZzhcFixtures();

    private ZzhcReply post(String body) {
        return lab.service.handle(body.getBytes(StandardCharsets.UTF_8), ZzhcTransport.COAP, "127.0.0.1:5000").join();
    }

    @Test
    void theSpecsTestVectorIsAcceptedStoredAndAnsweredSuccess() {
        assertThat(post(TEST_VECTOR)).isEqualTo(ZzhcReply.SUCCESS);
        CtRegistration stored = lab.records.store().ctRegistrations(null, 10).get(0);
        assertThat(stored).extracting(CtRegistration::imei, CtRegistration::imsi, CtRegistration::iccid, CtRegistration::model,
                        CtRegistration::swver, CtRegistration::regver, CtRegistration::transport, CtRegistration::peer)
                .containsExactly("869999000000001", "460111234567890", "89860321000000000001", "Quectel-BC260Y-CN",
                        "BC260YCNAAR01A04", "2", "coap", "127.0.0.1:5000");
        assertThat(lab.metrics.total("ct", "accepted", "")).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not base64 | %%% | 1 | Malformed",
            "not json | bm90IGpzb24= | 1 | Malformed",
            "imei 14 digits | REPORT:86999900000000,89860321000000000001,460111234567890 | 2 | Invalid MEID",
            "iccid 18 | REPORT:869999000000001,898603210000000000,460111234567890 | 2 | Invalid SIM1ICCID",
            "china mobile imsi | REPORT:869999000000001,89860321000000000001,460041234567890 | 3 | Not a China Telecom IMSI"})
    void aRejectedReportIsStoredWithItsCodeAndReasonAndAnsweredSo(String name, String body, String code, String desc) {
        String sent = body.startsWith("REPORT:") ? report(body.substring(7)) : body;
        ZzhcReply reply = post(sent);
        assertThat(reply.resultCode()).isEqualTo(code);
        assertThat(reply.resultDesc()).isEqualTo(desc);
        CtRejection stored = lab.records.store().ctRejections(10).get(0);
        assertThat(stored.resultCode()).isEqualTo(code);
        assertThat(stored.reason()).isEqualTo(desc);
        assertThat(stored.detail()).isNotBlank();
        assertThat(lab.records.store().ctRegistrations(null, 10)).isEmpty();
    }

    private static String report(String csv) {
        String[] f = csv.split(",");
        return ZzhcFixtures.report(f[0], f[1], f[2]);
    }

    @Test
    void anOversizedBodyIsRejectedAsMalformedWithItsSize() {
        ZzhcReply reply = post("A".repeat(ZzhcService.MAX_BODY_BYTES + 1));
        assertThat(reply.resultCode()).isEqualTo("1");
        assertThat(lab.records.store().ctRejections(1).get(0).detail()).contains("4097 bytes");
    }

    @Test
    void aRejectedBodyIsKeptPrintableAndShort() {
        assertThat(ZzhcService.printable(new byte[] {'a', 0, '\n', (byte) 0xff, 'b'})).isEqualTo("a...b");
        assertThat(ZzhcService.printable("x".repeat(600).getBytes(StandardCharsets.UTF_8))).hasSize(515).endsWith("...");
    }

    @Test
    void everyRejectionReasonIsCountedSeparately() {
        post("%%%");
        post(report("869999000000001,89860321000000000001,460041234567890"));
        assertThat(lab.metrics.total("ct", "rejected", "malformed")).isEqualTo(1);
        assertThat(lab.metrics.total("ct", "rejected", "not_china_telecom_imsi")).isEqualTo(1);
        assertThat(lab.metrics.prometheusText()).contains("selfreg_handling_seconds_count{service=\"ct\"} 2");
    }
}
