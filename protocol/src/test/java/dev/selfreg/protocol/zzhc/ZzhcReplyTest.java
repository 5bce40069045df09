package dev.selfreg.protocol.zzhc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ZzhcReplyTest {
    // ct-zzhc-wire.md, "Reply".
    private static final String SPEC_SUCCESS = "{\"resultCode\":\"0\",\"resultDesc\":\"Success\"}";

    @Test
    void successEncodesToTheSpecBytes() {
        assertThat(new String(ZzhcReply.SUCCESS.encode(), UTF_8)).isEqualTo(SPEC_SUCCESS);
    }

    @Test
    void rejectionEncodesItsCodeThenDescription() {
        assertThat(new String(new ZzhcReply("2", "Invalid MEID").encode(), UTF_8))
                .isEqualTo("{\"resultCode\":\"2\",\"resultDesc\":\"Invalid MEID\"}");
    }

    @Test
    void specSuccessParsesAsSuccess() {
        assertThat(ZzhcReply.parse(SPEC_SUCCESS.getBytes(UTF_8)))
                .isEqualTo(new ZzhcOutcome.Success(ZzhcReply.SUCCESS));
    }

    @Test
    void codeZeroWithoutDescriptionIsSuccess() {
        assertThat(ZzhcReply.parse("{\"resultCode\":\"0\"}".getBytes(UTF_8)).succeeded()).isTrue();
    }

    @Test
    void codeZeroWithAnotherDescriptionAndExtraMembersIsSuccess() {
        assertThat(ZzhcReply.parse("{\"resultDesc\":\"成功\",\"resultCode\":\"0\",\"x\":1}".getBytes(UTF_8))
                .succeeded()).isTrue();
    }

    @Test
    void otherCodeIsAnErrorCodeFailure() {
        assertFailure("{\"resultCode\":\"2\",\"resultDesc\":\"Invalid MEID\"}", ZzhcOutcome.Cause.ERROR_CODE);
    }

    @Test
    void errorCodeFailureQuotesCodeAndDescription() {
        ZzhcOutcome.Failure failure = (ZzhcOutcome.Failure) ZzhcReply.parse(
                "{\"resultCode\":\"3\",\"resultDesc\":\"Not a China Telecom IMSI\"}".getBytes(UTF_8));

        assertThat(failure.detail()).isEqualTo("resultCode \"3\": Not a China Telecom IMSI");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"resultDesc\":\"Success\"}", "{\"resultCode\":0}", "{\"resultCode\":null}", "{}"})
    void missingOrNonStringResultCodeIsNoResultCode(String body) {
        assertFailure(body, ZzhcOutcome.Cause.NO_RESULT_CODE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "OK", "{\"resultCode\":\"0\"", "{\"resultCode\":\"0\"} trailing",
            "eyJyZXN1bHRDb2RlIjoiMCJ9", "{\"resultCode\":\"0\",\"resultCode\":\"0\"}"})
    void bodyThatIsNotOneJsonValueIsNotJson(String body) {
        assertFailure(body, ZzhcOutcome.Cause.NOT_JSON);
    }

    @Test
    void invalidUtf8IsNotJson() {
        byte[] body = {'{', '"', 'r', '"', ':', '"', (byte) 0xC3, '"', '}'};

        assertThat(ZzhcReply.parse(body)).isEqualTo(new ZzhcOutcome.Failure(ZzhcOutcome.Cause.NOT_JSON,
                "reply is not valid UTF-8"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"0\"", "0", "null"})
    void jsonThatIsNotAnObjectIsNotAnObject(String body) {
        assertFailure(body, ZzhcOutcome.Cause.NOT_AN_OBJECT);
    }

    @Test
    void everyLabRejectionReadsAsAnErrorCodeOnTheModule() {
        for (ZzhcVerdict.Reason reason : ZzhcVerdict.Reason.values()) {
            ZzhcReply reply = new ZzhcVerdict.Rejected(reason, "desc", "detail", Optional.empty()).reply();

            assertThat(ZzhcReply.parse(reply.encode()))
                    .isEqualTo(new ZzhcOutcome.Failure(ZzhcOutcome.Cause.ERROR_CODE,
                            "resultCode \"" + reason.resultCode() + "\": desc"));
        }
    }

    private static void assertFailure(String body, ZzhcOutcome.Cause cause) {
        ZzhcOutcome outcome = ZzhcReply.parse(body.getBytes(UTF_8));
        assertThat(outcome).isInstanceOf(ZzhcOutcome.Failure.class);
        assertThat(((ZzhcOutcome.Failure) outcome).cause()).isEqualTo(cause);
    }
}
