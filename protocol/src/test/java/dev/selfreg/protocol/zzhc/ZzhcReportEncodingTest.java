package dev.selfreg.protocol.zzhc;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ZzhcReportEncodingTest {
    // ct-zzhc-wire.md, "Request body", test vector.
    static final String SPEC_JSON = "{\"REGVER\":\"2\",\"MEID\":\"869999000000001\",\"MODEL\":\"Quectel-BC260Y-CN\","
            + "\"SWVER\":\"BC260YCNAAR01A04\",\"SIM1ICCID\":\"89860321000000000001\","
            + "\"SIM1LTEIMSI\":\"460111234567890\"}";
    static final String SPEC_BASE64 = "eyJSRUdWRVIiOiIyIiwiTUVJRCI6Ijg2OTk5OTAwMDAwMDAwMSIsIk1PREVMIjoiUXVlY3RlbC1C"
            + "QzI2MFktQ04iLCJTV1ZFUiI6IkJDMjYwWUNOQUFSMDFBMDQiLCJTSU0xSUNDSUQiOiI4OTg2MDMyMTAwMDAwMDAwMDAwMSIsIlNJTTFM"
            + "VEVJTVNJIjoiNDYwMTExMjM0NTY3ODkwIn0=";
    static final ZzhcReport SPEC_REPORT = ZzhcReport.v2("869999000000001", "Quectel-BC260Y-CN", "BC260YCNAAR01A04",
            "89860321000000000001", "460111234567890");

    @Test
    void specReportEncodesToTheSpecJson() {
        assertThat(SPEC_REPORT.json()).isEqualTo(SPEC_JSON);
    }

    @Test
    void specReportEncodesToTheSpecBase64() {
        assertThat(new String(SPEC_REPORT.encode(), US_ASCII)).isEqualTo(SPEC_BASE64);
    }

    @Test
    void modelSmsKeyIsWrittenWhenTheReportUsesIt() {
        ZzhcReport old = new ZzhcReport("2", "869999000000001", ZzhcReport.ModelKey.MODELSMS, "Quectel-BC260Y-CN",
                "BC260YCNAAR01A04", null, null, "89860321000000000001", "460111234567890", null, null, Map.of());

        assertThat(old.json()).isEqualTo(SPEC_JSON.replace("\"MODEL\"", "\"MODELSMS\""));
    }

    @Test
    void absentFieldsAreLeftOut() {
        ZzhcReport partial = ZzhcReport.v2("869999000000001", null, "BC260YCNAAR01A04", null, "460111234567890");

        assertThat(partial.json())
                .isEqualTo("{\"REGVER\":\"2\",\"MEID\":\"869999000000001\",\"SWVER\":\"BC260YCNAAR01A04\","
                        + "\"SIM1LTEIMSI\":\"460111234567890\"}");
    }

    @Test
    void v5FieldsAreWrittenWhereCat1FirmwarePutsThem() {
        ZzhcReport v5 = new ZzhcReport("5.0", "", ZzhcReport.ModelKey.MODEL, "Quectel-EC800N", "EC800NCNLCR01A01",
                "869999000000001", "", "89860321000000000001", "460111234567890", "1A2B", "2026-11-02 10:00:00",
                Map.of());

        assertThat(v5.json()).isEqualTo("{\"REGVER\":\"5.0\",\"MEID\":\"\",\"MODEL\":\"Quectel-EC800N\","
                + "\"SWVER\":\"EC800NCNLCR01A01\",\"IMEI1\":\"869999000000001\",\"SIM1CDMAIMSI\":\"\","
                + "\"SIM1ICCID\":\"89860321000000000001\",\"SIM1LTEIMSI\":\"460111234567890\","
                + "\"SIM1CELLID\":\"1A2B\",\"REGDATE\":\"2026-11-02 10:00:00\"}");
    }

    @Test
    void extrasFollowTheKnownFieldsInTheirOrder() {
        Map<String, JsonNode> extras = new LinkedHashMap<>();
        extras.put("UETYPE", TextNode.valueOf("1"));
        extras.put("ACCESSTYPE", TextNode.valueOf("2"));
        ZzhcReport report = new ZzhcReport("2", "869999000000001", ZzhcReport.ModelKey.MODEL, "M", "S", null, null,
                null, null, null, null, extras);

        assertThat(report.json()).isEqualTo("{\"REGVER\":\"2\",\"MEID\":\"869999000000001\",\"MODEL\":\"M\","
                + "\"SWVER\":\"S\",\"UETYPE\":\"1\",\"ACCESSTYPE\":\"2\"}");
    }

    @Test
    void nonAsciiValuesAreWrittenAsUtf8() {
        ZzhcReport report = ZzhcReport.v2("869999000000001", "移远-BC260Y", "S", "89860321000000000001",
                "460111234567890");

        String json = new String(Base64.getDecoder().decode(report.encode()), UTF_8);
        assertThat(json).contains("\"MODEL\":\"移远-BC260Y\"");
    }

    @Test
    void imeiIsMeidInAV2Report() {
        assertThat(SPEC_REPORT.imei()).isEqualTo("869999000000001");
    }

    @Test
    void imeiIsImei1InAV5Report() {
        ZzhcReport v5 = new ZzhcReport("5.0", "", ZzhcReport.ModelKey.MODEL, "M", "S", "869999000000002", "",
                null, null, null, null, Map.of());

        assertThat(v5.imei()).isEqualTo("869999000000002");
    }

    @Test
    void anExtraCannotReuseAReportKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ZzhcReport("2", null, ZzhcReport.ModelKey.MODEL,
                null, null, null, null, null, null, null, null, Map.of("MEID", TextNode.valueOf("1"))));
    }

    @Test
    void theUnusedModelKeyMayBeAnExtra() {
        ZzhcReport report = new ZzhcReport("2", null, ZzhcReport.ModelKey.MODEL, "A", null, null, null, null, null,
                null, null, Map.of("MODELSMS", TextNode.valueOf("B")));

        assertThat(report.json()).isEqualTo("{\"REGVER\":\"2\",\"MODEL\":\"A\",\"MODELSMS\":\"B\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad\uD800", "\uDC00bad", "b\uDE00\uD83Dad", "\uD83D\uD83D\uDE00"})
    void aValueWithALoneSurrogateHasNoUtf8FormAndIsRefused(String model) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ZzhcReport.v2("869999000000001", model, "S", "I", "460111234567890"));
    }

    @Test
    void aValueWithSurrogatePairsIsKept() {
        String model = "\uD83D\uDE00 Quectel \uD83D\uDE00";
        ZzhcReport report = ZzhcReport.v2("869999000000001", model, "S", "I", "460111234567890");
        assertThat(report.model()).isEqualTo(model);
        // Jackson writes characters beyond the BMP as escaped surrogate pairs
        assertThat(report.json()).contains("\"MODEL\":\"\\uD83D\\uDE00 Quectel \\uD83D\\uDE00\"");
    }

    @Test
    void extrasCannotBeModified() {
        assertThat(SPEC_REPORT.extras()).isUnmodifiable();
    }
}
