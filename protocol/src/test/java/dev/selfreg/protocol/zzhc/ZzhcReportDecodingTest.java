package dev.selfreg.protocol.zzhc;

import static dev.selfreg.protocol.zzhc.ZzhcReportEncodingTest.SPEC_BASE64;
import static dev.selfreg.protocol.zzhc.ZzhcReportEncodingTest.SPEC_REPORT;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_16;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ZzhcReportDecodingTest {
    private static final String IMEI = "869999000000001";
    private static final String MODEL = "Quectel-BC260Y-CN";
    private static final String SWVER = "BC260YCNAAR01A04";
    private static final String ICCID = "89860321000000000001";
    private static final String IMSI = "460111234567890";

    // ---- accepted ----

    @Test
    void specBase64DecodesToTheSpecReport() {
        assertThat(accepted(ZzhcReport.decode(SPEC_BASE64.getBytes(US_ASCII)))).isEqualTo(SPEC_REPORT);
    }

    @Test
    void acceptedReportIsAnsweredWithSuccess() {
        assertThat(ZzhcReport.decode(SPEC_BASE64.getBytes(US_ASCII)).reply()).isEqualTo(ZzhcReply.SUCCESS);
    }

    @Test
    void surroundingWhitespaceIsTolerated() {
        assertThat(ZzhcReport.decode((" \t" + SPEC_BASE64 + "\r\n").getBytes(US_ASCII)))
                .isInstanceOf(ZzhcVerdict.Accepted.class);
    }

    @Test
    void modelSmsIsAcceptedAndReEncodedAsSent() {
        byte[] body = body(ZzhcReportEncodingTest.SPEC_JSON.replace("\"MODEL\"", "\"MODELSMS\""));

        ZzhcReport report = accepted(ZzhcReport.decode(body));

        assertThat(report.modelKey()).isEqualTo(ZzhcReport.ModelKey.MODELSMS);
        assertThat(report.model()).isEqualTo(MODEL);
        assertThat(report.encode()).isEqualTo(body);
    }

    @Test
    void v5ReportIsAcceptedAndReEncodedAsSent() {
        byte[] body = body("{\"REGVER\":\"5.0\",\"MEID\":\"\",\"MODEL\":\"BJS-BC60\",\"SWVER\":\"V1\","
                + "\"IMEI1\":\"869999000000001\",\"SIM1CDMAIMSI\":\"\",\"SIM1ICCID\":\"89860321000000000001\","
                + "\"SIM1LTEIMSI\":\"460111234567890\",\"SIM1CELLID\":\"LTE\",\"REGDATE\":\"2026-11-02 10:00:00\"}");

        ZzhcReport report = accepted(ZzhcReport.decode(body));

        assertThat(report.imei()).isEqualTo(IMEI);
        assertThat(report.regDate()).isEqualTo("2026-11-02 10:00:00");
        assertThat(report.encode()).isEqualTo(body);
    }

    @Test
    void unknownFieldsAreKeptInOrder() {
        byte[] body = body(ZzhcReportEncodingTest.SPEC_JSON.replace("}", ",\"UETYPE\":\"1\",\"DATASIM\":\"1\"}"));

        ZzhcReport report = accepted(ZzhcReport.decode(body));

        assertThat(report.extras()).containsExactly(Map.entry("UETYPE", TextNode.valueOf("1")),
                Map.entry("DATASIM", TextNode.valueOf("1")));
        assertThat(report.encode()).isEqualTo(body);
    }

    @Test
    void jsonWhitespaceAndFieldOrderDoNotMatter() {
        String json = "{ \"SIM1LTEIMSI\" : \"460111234567890\", \"SIM1ICCID\":\"89860321000000000001\",\n"
                + "\"SWVER\":\"BC260YCNAAR01A04\",\"MODEL\":\"Quectel-BC260Y-CN\",\"MEID\":\"869999000000001\","
                + "\"REGVER\":\"2\" }";

        assertThat(accepted(ZzhcReport.decode(body(json)))).isEqualTo(SPEC_REPORT);
    }

    @Test
    void bothModelKeysKeepModelAsTheModelAndModelSmsAsAnExtra() {
        byte[] body = body(ZzhcReportEncodingTest.SPEC_JSON.replace("}", ",\"MODELSMS\":\"Old-Name\"}"));

        ZzhcReport report = accepted(ZzhcReport.decode(body));

        assertThat(report.modelKey()).isEqualTo(ZzhcReport.ModelKey.MODEL);
        assertThat(report.extras()).containsExactly(Map.entry("MODELSMS", TextNode.valueOf("Old-Name")));
    }

    // ---- "1" Malformed ----

    @ParameterizedTest
    @ValueSource(strings = {"", "   \r\n", "not base64!", "eyJSRUdWRVIiOiIyIn0", "eyJSRUdW\nRVIiOiIyIn0=",
            "eyJSRUdWRVIiOiIyIn0=x"})
    void bodyThatIsNotCanonicalBase64IsMalformed(String body) {
        assertRejected(ZzhcReport.decode(body.getBytes(US_ASCII)), "1", "Malformed");
    }

    @Test
    void urlSafeBase64IsMalformed() {
        byte[] urlSafe = Base64.getUrlEncoder().encode("{\"MODEL\":\"??>\"}".getBytes(UTF_8));
        assertThat(new String(urlSafe, US_ASCII)).containsAnyOf("-", "_");

        assertRejected(ZzhcReport.decode(urlSafe), "1", "Malformed");
    }

    @Test
    void nonUtf8JsonIsMalformed() {
        assertRejected(ZzhcReport.decode(Base64.getEncoder().encode(ZzhcReportEncodingTest.SPEC_JSON.getBytes(UTF_16))),
                "1", "Malformed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "REGVER=2", "{\"REGVER\":\"2\"", "{\"REGVER\":\"2\"}{}", "{\"REGVER\":\"2\"} x",
            "[\"2\"]", "\"2\"", "null", "{\"REGVER\":\"2\",\"REGVER\":\"2\"}", "{\"MODEL\":\"\\ud800\"}",
            "{\"X\":[{\"\\udc00\":1}]}"})
    void jsonThatIsNotOneObjectOrHasNoUtf8FormIsMalformed(String json) {
        assertRejected(ZzhcReport.decode(body(json)), "1", "Malformed");
    }

    @Test
    void deeplyNestedJsonIsMalformed() {
        assertRejected(ZzhcReport.decode(body("[".repeat(100_000))), "1", "Malformed");
    }

    @Test
    void malformedRejectionSaysWhy() {
        ZzhcVerdict.Rejected rejected = (ZzhcVerdict.Rejected) ZzhcReport.decode(body("[\"REGVER\"]"));

        assertThat(rejected.detail()).isEqualTo("decoded JSON is not an object");
    }

    @Test
    void malformedRejectionHasNoDialect() {
        assertThat(((ZzhcVerdict.Rejected) ZzhcReport.decode(body("[]"))).dialect()).isEmpty();
    }

    // ---- "2" Invalid <FIELD> ----

    @Test
    void missingRegverIsInvalidRegver() {
        assertRejected(decode(new ZzhcReport(null, IMEI, ZzhcReport.ModelKey.MODEL, MODEL, SWVER, null, null, ICCID,
                IMSI, null, null, Map.of())), "2", "Invalid REGVER");
    }

    @Test
    void emptyRegverIsInvalidRegver() {
        assertRejected(decode(new ZzhcReport("", IMEI, ZzhcReport.ModelKey.MODEL, MODEL, SWVER, null, null, ICCID,
                IMSI, null, null, Map.of())), "2", "Invalid REGVER");
    }

    @ParameterizedTest
    @ValueSource(strings = {"86999900000000", "8699990000000012", "86999900000000A", "86999900000000 ",
            "８６９９９９０００００００００１"})
    void meidThatIsNot15DigitsIsInvalidMeid(String meid) {
        assertRejected(decode(ZzhcReport.v2(meid, MODEL, SWVER, ICCID, IMSI)), "2", "Invalid MEID");
    }

    @Test
    void meidOf15DigitsIsAccepted() {
        assertThat(decode(ZzhcReport.v2("869999000000001", MODEL, SWVER, ICCID, IMSI)))
                .isInstanceOf(ZzhcVerdict.Accepted.class);
    }

    @Test
    void missingMeidIsInvalidMeid() {
        assertRejected(decode(ZzhcReport.v2(null, MODEL, SWVER, ICCID, IMSI)), "2", "Invalid MEID");
    }

    @Test
    void missingModelIsInvalidModel() {
        assertRejected(decode(ZzhcReport.v2(IMEI, null, SWVER, ICCID, IMSI)), "2", "Invalid MODEL");
    }

    @Test
    void emptyModelIsInvalidModel() {
        assertRejected(decode(ZzhcReport.v2(IMEI, "", SWVER, ICCID, IMSI)), "2", "Invalid MODEL");
    }

    @Test
    void modelOf20CharactersIsAccepted() {
        assertThat(decode(ZzhcReport.v2(IMEI, "Quectel-BC260Y-CN-AB", SWVER, ICCID, IMSI)))
                .isInstanceOf(ZzhcVerdict.Accepted.class);
    }

    @Test
    void modelOf20NonAsciiCharactersIsAccepted() {
        assertThat(decode(ZzhcReport.v2(IMEI, "移".repeat(19) + "\uD83D\uDE00", SWVER, ICCID, IMSI)))
                .isInstanceOf(ZzhcVerdict.Accepted.class);
    }

    @Test
    void modelOf21CharactersIsInvalidModel() {
        assertRejected(decode(ZzhcReport.v2(IMEI, "Quectel-BC260Y-CN-ABC", SWVER, ICCID, IMSI)), "2",
                "Invalid MODEL");
    }

    @Test
    void modelSmsOf21CharactersIsInvalidModelSms() {
        assertRejected(decode(new ZzhcReport("2", IMEI, ZzhcReport.ModelKey.MODELSMS, "Quectel-BC260Y-CN-ABC", SWVER,
                null, null, ICCID, IMSI, null, null, Map.of())), "2", "Invalid MODELSMS");
    }

    @Test
    void swverOf64CharactersIsAcceptedAnd65IsInvalidSwver() {
        assertThat(decode(ZzhcReport.v2(IMEI, MODEL, "S".repeat(64), ICCID, IMSI))).isInstanceOf(ZzhcVerdict.Accepted.class);
        assertRejected(decode(ZzhcReport.v2(IMEI, MODEL, "S".repeat(65), ICCID, IMSI)), "2", "Invalid SWVER");
    }

    @Test
    void regverOf16CharactersIsAcceptedAnd17IsInvalidRegver() {
        assertThat(decode(new ZzhcReport("2".repeat(16), IMEI, ZzhcReport.ModelKey.MODEL, MODEL, SWVER, null, null, ICCID,
                IMSI, null, null, Map.of()))).isInstanceOf(ZzhcVerdict.Accepted.class);
        assertRejected(decode(new ZzhcReport("2".repeat(17), IMEI, ZzhcReport.ModelKey.MODEL, MODEL, SWVER, null, null,
                ICCID, IMSI, null, null, Map.of())), "2", "Invalid REGVER");
    }

    @Test
    void missingSwverIsInvalidSwver() {
        assertRejected(decode(ZzhcReport.v2(IMEI, MODEL, null, ICCID, IMSI)), "2", "Invalid SWVER");
    }

    @ParameterizedTest
    @ValueSource(strings = {"898603210000000000", "898603210000000000012", "8986032100000000000-", ""})
    void iccidNotOf19To20LettersOrDigitsIsInvalidIccid(String iccid) {
        assertRejected(decode(ZzhcReport.v2(IMEI, MODEL, SWVER, iccid, IMSI)), "2", "Invalid SIM1ICCID");
    }

    @ParameterizedTest
    @ValueSource(strings = {"8986032100000000000", "89860321000000000001", "898602B8191650216485"})
    void iccidOf19To20LettersOrDigitsIsAccepted(String iccid) {
        assertThat(decode(ZzhcReport.v2(IMEI, MODEL, SWVER, iccid, IMSI))).isInstanceOf(ZzhcVerdict.Accepted.class);
    }

    @Test
    void missingIccidIsInvalidIccid() {
        assertRejected(decode(ZzhcReport.v2(IMEI, MODEL, SWVER, null, IMSI)), "2", "Invalid SIM1ICCID");
    }

    @ParameterizedTest
    @ValueSource(strings = {"46011123456789", "4601112345678901", "46011123456789X"})
    void imsiThatIsNot15DigitsIsInvalidImsi(String imsi) {
        assertRejected(decode(ZzhcReport.v2(IMEI, MODEL, SWVER, ICCID, imsi)), "2", "Invalid SIM1LTEIMSI");
    }

    @Test
    void missingImsiIsInvalidImsi() {
        assertRejected(decode(ZzhcReport.v2(IMEI, MODEL, SWVER, ICCID, null)), "2", "Invalid SIM1LTEIMSI");
    }

    @Test
    void malformedImsiOfAnotherCarrierIsInvalidRatherThanForeign() {
        assertRejected(decode(ZzhcReport.v2(IMEI, MODEL, SWVER, ICCID, "46000123456789")), "2",
                "Invalid SIM1LTEIMSI");
    }

    @Test
    void firstInvalidFieldInWireOrderIsReported() {
        assertRejected(decode(ZzhcReport.v2("1", MODEL, null, "1", "1")), "2", "Invalid MEID");
    }

    @Test
    void v5WithEmptyMeidAndImei1IsAccepted() {
        assertThat(decode(v5("", IMEI))).isInstanceOf(ZzhcVerdict.Accepted.class);
    }

    @Test
    void v5WithoutMeidIsInvalidMeid() {
        assertRejected(decode(v5(null, IMEI)), "2", "Invalid MEID");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "86999900000000", "8699990000000012"})
    void v5WithImei1NotOf15DigitsIsInvalidImei1(String imei1) {
        assertRejected(decode(v5("", imei1)), "2", "Invalid IMEI1");
    }

    @Test
    void invalidFieldRejectionSaysWhatWasExpectedAndFound() {
        ZzhcVerdict.Rejected rejected = (ZzhcVerdict.Rejected) decode(
                ZzhcReport.v2("86999900000000", MODEL, SWVER, ICCID, IMSI));

        assertThat(rejected.detail()).isEqualTo("MEID must be 15 digits, got \"86999900000000\"");
    }

    // ---- "3" Not a China Telecom IMSI ----

    @ParameterizedTest
    @ValueSource(strings = {"460031234567890", "460051234567890", "460111234567890", "460121234567890"})
    void chinaTelecomImsiIsAccepted(String imsi) {
        assertThat(decode(ZzhcReport.v2(IMEI, MODEL, SWVER, ICCID, imsi))).isInstanceOf(ZzhcVerdict.Accepted.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"460001234567890", "460041234567890", "460011234567890", "460061234567890",
            "001011234567890"})
    void otherCarriersImsiIsNotChinaTelecom(String imsi) {
        assertRejected(decode(ZzhcReport.v2(IMEI, MODEL, SWVER, ICCID, imsi)), "3", "Not a China Telecom IMSI");
    }

    @Test
    void rejectionIsAnsweredWithItsCodeAndDescription() {
        assertThat(decode(ZzhcReport.v2(IMEI, MODEL, SWVER, ICCID, "460041234567890")).reply())
                .isEqualTo(new ZzhcReply("3", "Not a China Telecom IMSI"));
    }

    private static ZzhcReport v5(String meid, String imei1) {
        return new ZzhcReport("5.0", meid, ZzhcReport.ModelKey.MODEL, "BJS-BC60", "V1", imei1, "", ICCID, IMSI,
                "LTE", "2026-11-02 10:00:00", Map.of());
    }

    private static ZzhcVerdict decode(ZzhcReport report) {
        return ZzhcReport.decode(report.encode());
    }

    private static byte[] body(String json) {
        return Base64.getEncoder().encode(json.getBytes(UTF_8));
    }

    private static ZzhcReport accepted(ZzhcVerdict verdict) {
        assertThat(verdict).isInstanceOf(ZzhcVerdict.Accepted.class);
        return ((ZzhcVerdict.Accepted) verdict).report();
    }

    private static void assertRejected(ZzhcVerdict verdict, String resultCode, String resultDesc) {
        assertThat(verdict).isInstanceOf(ZzhcVerdict.Rejected.class);
        ZzhcVerdict.Rejected rejected = (ZzhcVerdict.Rejected) verdict;
        assertThat(rejected.resultCode()).isEqualTo(resultCode);
        assertThat(rejected.resultDesc()).isEqualTo(resultDesc);
    }
}
