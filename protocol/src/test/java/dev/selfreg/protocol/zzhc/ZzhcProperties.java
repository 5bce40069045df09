package dev.selfreg.protocol.zzhc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

class ZzhcProperties {
    private static final Set<String> REPORT_KEYS = Set.of("REGVER", "MEID", "MODEL", "MODELSMS", "SWVER", "IMEI1",
            "SIM1CDMAIMSI", "SIM1ICCID", "SIM1LTEIMSI", "SIM1CELLID", "REGDATE");

    @Property
    void decodingAnEncodedValidReportGivesItBack(@ForAll("validReports") ZzhcReport report) {
        ZzhcVerdict verdict = ZzhcReport.decode(report.encode());

        assertThat(verdict).isInstanceOfSatisfying(ZzhcVerdict.Accepted.class,
                accepted -> assertThat(accepted.report()).isEqualTo(report));
    }

    @Property
    void decodingArbitraryBytesReturnsARejection(@ForAll byte[] body) {
        assertThat(ZzhcReport.decode(body)).isInstanceOf(ZzhcVerdict.Rejected.class);
    }

    @Property
    void decodingBase64OfArbitraryTextNeverThrows(@ForAll String text) {
        byte[] body = Base64.getEncoder().encode(text.getBytes(UTF_8));

        assertThat(ZzhcReport.decode(body).reply()).isNotNull();
    }

    @Property
    void decodingBase64OfArbitraryObjectsOfStringsNeverThrows(
            @ForAll("objectsOfStrings") Map<String, String> fields) throws Exception {
        byte[] body = Base64.getEncoder().encode(new ObjectMapper().writeValueAsBytes(fields));

        assertThat(ZzhcReport.decode(body).reply()).isNotNull();
    }

    @Property
    void parsingArbitraryReplyBytesNeverThrows(@ForAll byte[] body) {
        assertThat(ZzhcReply.parse(body)).isNotNull();
    }

    @Provide
    Arbitrary<Map<String, String>> objectsOfStrings() {
        Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.of(REPORT_KEYS), unicodeText(0, 8));
        Arbitrary<String> values = Arbitraries.oneOf(digits(15), digits(20), unicodeText(0, 25));
        return Arbitraries.maps(keys, values).ofMaxSize(12);
    }

    @Provide
    Arbitrary<ZzhcReport> validReports() {
        Arbitrary<V5Fields> v5Fields = Combinators.combine(digits(15), unicodeText(0, 15), unicodeText(0, 15),
                unicodeText(0, 10), unicodeText(0, 19)).as(V5Fields::new).injectNull(0.5);
        Arbitrary<Map<String, JsonNode>> extras = Arbitraries.maps(
                unicodeText(0, 10).filter(key -> !REPORT_KEYS.contains(key)), jsonValues()).ofMaxSize(4);
        Arbitrary<String> imsi = Combinators.combine(Arbitraries.of("46003", "46005", "46011", "46012"), digits(10))
                .as(String::concat);
        Arbitrary<String> iccid = Arbitraries.strings().numeric().alpha().ofMinLength(19).ofMaxLength(20);
        return Combinators.combine(unicodeText(1, 5), digits(15), Arbitraries.of(ZzhcReport.ModelKey.class),
                unicodeText(1, 20), unicodeText(1, 30), iccid, imsi, v5Fields)
                .as((regver, imei, modelKey, model, swver, sim1Iccid, sim1LteImsi, v5) -> v5 == null
                        ? new ZzhcReport(regver, imei, modelKey, model, swver, null, null, sim1Iccid, sim1LteImsi,
                                null, null, Map.of())
                        : new ZzhcReport(regver, v5.meid(), modelKey, model, swver, v5.imei1(), v5.cdmaImsi(),
                                sim1Iccid, sim1LteImsi, v5.cellId(), v5.regDate(), Map.of()))
                .flatMap(report -> extras.map(more -> new ZzhcReport(report.regver(), report.meid(),
                        report.modelKey(), report.model(), report.swver(), report.imei1(), report.sim1CdmaImsi(),
                        report.sim1Iccid(), report.sim1LteImsi(), report.sim1CellId(), report.regDate(), more)));
    }

    /** Values of every JSON type, as end-device clients send them. */
    private static Arbitrary<JsonNode> jsonValues() {
        return Arbitraries.oneOf(
                unicodeText(0, 20).map(TextNode::valueOf),
                Arbitraries.integers().map(IntNode::valueOf),
                Arbitraries.of(BooleanNode.TRUE, BooleanNode.FALSE, NullNode.getInstance()),
                unicodeText(0, 5).list().ofMaxSize(3).map(texts -> {
                    ArrayNode array = JsonNodeFactory.instance.arrayNode();
                    texts.forEach(array::add);
                    return array;
                }));
    }

    /** The fields a v5.0 report adds, and its MEID, which is not checked once IMEI1 is there. */
    private record V5Fields(String imei1, String meid, String cdmaImsi, String cellId, String regDate) {
    }

    private static Arbitrary<String> digits(int count) {
        return Arbitraries.strings().numeric().ofLength(count);
    }

    /** Well-formed text of {@code min} to {@code max} code points, ASCII-heavy but reaching every plane. */
    private static Arbitrary<String> unicodeText(int min, int max) {
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(0, 0x7F)),
                Tuple.of(1, Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
                        .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)));
        return codePoint.list().ofMinSize(min).ofMaxSize(max)
                .map(cps -> new String(cps.stream().mapToInt(Integer::intValue).toArray(), 0, cps.size()));
    }
}
