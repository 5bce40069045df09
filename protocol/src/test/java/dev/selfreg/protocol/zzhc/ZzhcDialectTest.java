package dev.selfreg.protocol.zzhc;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The dialects of ct-zzhc-wire.md, "Dialects real clients send": each vector accepted, decoded and classified. */
class ZzhcDialectTest {

    static List<ZzhcSpecVectors> vectors() {
        return ZzhcSpecVectors.all();
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void everySpecVectorIsAcceptedInItsDialect(ZzhcSpecVectors vector) {
        ZzhcVerdict verdict = ZzhcReport.decode(vector.body(), vector.transport());

        assertThat(verdict).isInstanceOfSatisfying(ZzhcVerdict.Accepted.class,
                accepted -> assertThat(accepted.dialect().code()).isEqualTo(vector.dialect()));
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void everySpecVectorKeepsItsJsonByteForByte(ZzhcSpecVectors vector) {
        ZzhcVerdict.Accepted accepted = (ZzhcVerdict.Accepted) ZzhcReport.decode(vector.body(), vector.transport());

        assertThat(accepted.json()).isEqualTo(vector.json());
    }

    @Test
    void aReportInTheFieldTableOrderReEncodesToTheSpecBase64() {
        for (String name : List.of("v5-nb", "v5-cat1", "cat1-hex-comma", "cat1-broken-year", "v1-modelsms", "v2-http")) {
            ZzhcSpecVectors vector = ZzhcSpecVectors.named(name);
            ZzhcReport report = ((ZzhcVerdict.Accepted) ZzhcReport.decode(vector.body(), vector.transport())).report();

            assertThat(new String(report.encode(), US_ASCII)).as(name).isEqualTo(vector.base64());
        }
    }

    @Test
    void theV2SpecVectorOverCoapIsTheReferenceV2Dialect() {
        ZzhcVerdict.Accepted accepted = (ZzhcVerdict.Accepted) ZzhcReport.decode(
                ZzhcReportEncodingTest.SPEC_BASE64.getBytes(US_ASCII), ZzhcTransport.COAP);

        assertThat(accepted.dialect()).isEqualTo(ZzhcDialect.of(ZzhcDialect.FieldSet.V2));
        assertThat(accepted.dialect().label()).isEqualTo("REGVER 2, NB-IoT fields");
    }

    @Test
    void anEndDeviceReportNeedsNoMeidNextToImei1() {
        ZzhcReport report = accepted("v8-end-device").report();

        assertThat(report.meid()).isNull();
        assertThat(report.imei()).isEqualTo("869999000000001");
    }

    @Test
    void aNumberValueIsKeptAsANumber() {
        assertThat(accepted("v8-end-device").report().extras()).containsEntry("UETYPE", IntNode.valueOf(23));
    }

    @Test
    void theEndDeviceFieldsAreNoUnknownKeys() {
        assertThat(accepted("v7-end-device-nul").dialect().has(ZzhcDialect.Quirk.UNKNOWN_KEYS)).isFalse();
    }

    @Test
    void aBrokenYearIsAcceptedAndKeptAsSent() {
        assertThat(accepted("cat1-broken-year").report().regDate()).isEqualTo("202026-11-02 10:00:00");
    }

    @Test
    void aNulAfterTheBase64TextIsDroppedAndRecorded() {
        String body = ZzhcReportEncodingTest.SPEC_BASE64 + "\0";

        ZzhcVerdict.Accepted accepted = (ZzhcVerdict.Accepted) ZzhcReport.decode(body.getBytes(US_ASCII));

        assertThat(accepted.dialect().code()).isEqualTo("v2+nul");
    }

    @Test
    void theCat1LabelNamesEachQuirk() {
        assertThat(accepted("cat1-hex-comma").dialect().label())
                .isEqualTo("REGVER 5.0, Cat.1 fields; SIM1CELLID as hex; REGDATE with a comma");
    }

    @Test
    void anOptionalFieldSentAsANumberIsTakenAsItsText() {
        ZzhcVerdict.Accepted accepted = (ZzhcVerdict.Accepted) ZzhcReport.decode(body(
                ZzhcSpecVectors.named("v5-cat1").json().replace("\"123456789\"", "123456789")));

        assertThat(accepted.report().sim1CellId()).isEqualTo("123456789");
        assertThat(accepted.dialect().has(ZzhcDialect.Quirk.NUMBER_VALUES)).isTrue();
        assertThat(accepted.json()).contains("\"SIM1CELLID\":123456789");
    }

    @Test
    void aDecimalNumberKeepsItsDigits() {
        ZzhcVerdict.Accepted accepted = (ZzhcVerdict.Accepted) ZzhcReport.decode(body(
                ZzhcReportEncodingTest.SPEC_JSON.replace("}", ",\"X\":1.50}")));

        assertThat(accepted.report().json()).endsWith(",\"X\":1.50}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "null", "[1,\"a\"]", "{\"a\":{\"b\":[]}}"})
    void anyOtherJsonValueOfAnExtraIsKeptAndNamed(String value) {
        ZzhcVerdict.Accepted accepted = (ZzhcVerdict.Accepted) ZzhcReport.decode(body(
                ZzhcReportEncodingTest.SPEC_JSON.replace("}", ",\"X\":" + value + "}")));

        assertThat(accepted.dialect().quirks()).contains(ZzhcDialect.Quirk.OTHER_VALUE_TYPES,
                ZzhcDialect.Quirk.UNKNOWN_KEYS);
        assertThat(accepted.json()).endsWith(",\"X\":" + value + "}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"REGVER\":\"2\"", "\"MEID\":\"869999000000001\"", "\"SIM1LTEIMSI\":\"460111234567890\""})
    void aRequiredFieldAsANumberIsInvalidNotMalformed(String field) {
        String number = field.replaceAll(":\"(.*)\"", ":$1");
        ZzhcVerdict verdict = ZzhcReport.decode(body(ZzhcReportEncodingTest.SPEC_JSON.replace(field, number)));

        assertThat(verdict).isInstanceOfSatisfying(ZzhcVerdict.Rejected.class, rejected -> {
            assertThat(rejected.resultCode()).isEqualTo("2");
            assertThat(rejected.detail()).contains("got a JSON number");
            assertThat(rejected.dialect()).hasValueSatisfying(
                    dialect -> assertThat(dialect.has(ZzhcDialect.Quirk.NUMBER_VALUES)).isTrue());
        });
    }

    @Test
    void anOptionalFieldThatIsNeitherStringNorNumberIsInvalid() {
        ZzhcVerdict verdict = ZzhcReport.decode(body(
                ZzhcSpecVectors.named("v5-cat1").json().replace("\"123456789\"", "[1]")));

        assertThat(verdict).isInstanceOfSatisfying(ZzhcVerdict.Rejected.class,
                rejected -> assertThat(rejected.resultDesc()).isEqualTo("Invalid SIM1CELLID"));
    }

    @Test
    void aForeignImsiIsRejectedWithItsDialect() {
        ZzhcVerdict verdict = ZzhcReport.decode(body(ZzhcSpecVectors.named("v1-modelsms").json()
                .replace("460111234567890", "460011234567890")));

        assertThat(verdict).isInstanceOfSatisfying(ZzhcVerdict.Rejected.class, rejected -> {
            assertThat(rejected.resultCode()).isEqualTo("3");
            assertThat(rejected.dialect().map(ZzhcDialect::code)).contains("v1-modelsms");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"1A2B", "1234", "abcdef", "0x1A2B"})
    void cellIdsOfFourCharactersOrWithHexLettersAreHex(String cellId) {
        boolean hex = !cellId.startsWith("0x");
        assertThat(dialectWithCellId(cellId).has(ZzhcDialect.Quirk.CELL_ID_HEX)).isEqualTo(hex);
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789", "12345"})
    void decimalCellIdsAreNotHex(String cellId) {
        assertThat(dialectWithCellId(cellId).has(ZzhcDialect.Quirk.CELL_ID_HEX)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026/11/02 10:00:00", "", "yesterday"})
    void aRegdateInNoKnownFormIsNamed(String regDate) {
        ZzhcVerdict.Accepted accepted = (ZzhcVerdict.Accepted) ZzhcReport.decode(body(
                ZzhcSpecVectors.named("v5-cat1").json().replace("2026-11-02 10:00:00", regDate)));

        assertThat(accepted.dialect().quirks()).containsExactly(ZzhcDialect.Quirk.REGDATE_OTHER);
    }

    @Test
    void modelSmsOutsideRegver1IsNamed() {
        ZzhcVerdict.Accepted accepted = (ZzhcVerdict.Accepted) ZzhcReport.decode(body(
                ZzhcReportEncodingTest.SPEC_JSON.replace("\"MODEL\"", "\"MODELSMS\"")));

        assertThat(accepted.dialect().code()).isEqualTo("v2+modelsms");
    }

    @Test
    void aReportsDialectCanBeClassifiedFromTheReportAlone() {
        ZzhcReport report = accepted("cat1-hex-comma").report();

        assertThat(ZzhcDialect.of(report, ZzhcTransport.HTTP).code()).isEqualTo("v5-cat1+cellid-hex+regdate-comma");
        assertThat(ZzhcDialect.of(ZzhcReportEncodingTest.SPEC_REPORT, ZzhcTransport.HTTP).code())
                .isEqualTo("v2+http-nb");
    }

    @Test
    void aDialectCodeParsesBack() {
        ZzhcDialect dialect = new ZzhcDialect(ZzhcDialect.FieldSet.END_DEVICE,
                Set.of(ZzhcDialect.Quirk.TRAILING_NUL, ZzhcDialect.Quirk.NUMBER_VALUES));

        assertThat(dialect.code()).isEqualTo("end-device+numbers+nul");
        assertThat(ZzhcDialect.parse(dialect.code())).contains(dialect);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "v3", "v2+nonsense", "+numbers", "v2++nul"})
    void textThatIsNoDialectCodeParsesToNothing(String code) {
        assertThat(ZzhcDialect.parse(code)).isEmpty();
    }

    private static ZzhcDialect dialectWithCellId(String cellId) {
        return ((ZzhcVerdict.Accepted) ZzhcReport.decode(body(
                ZzhcSpecVectors.named("v5-cat1").json().replace("\"123456789\"", "\"" + cellId + "\"")))).dialect();
    }

    private static ZzhcVerdict.Accepted accepted(String vector) {
        ZzhcSpecVectors v = ZzhcSpecVectors.named(vector);
        return (ZzhcVerdict.Accepted) ZzhcReport.decode(v.body(), v.transport());
    }

    private static byte[] body(String json) {
        return Base64.getEncoder().encode(json.getBytes(UTF_8));
    }
}
