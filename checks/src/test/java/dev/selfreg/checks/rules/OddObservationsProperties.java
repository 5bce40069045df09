package dev.selfreg.checks.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.selfreg.checks.Checklist;
import dev.selfreg.checks.Observations;
import dev.selfreg.checks.Product;
import dev.selfreg.checks.observed.CtReport;
import dev.selfreg.checks.observed.DeviceObservation;
import dev.selfreg.protocol.WireBase64;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a client sent, every rule gives a verdict: odd observations are what the rules judge, never a crash. */
class OddObservationsProperties {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Property(tries = 300)
    void anyBodyGetsAVerdictFromEveryRule(@ForAll("bodies") List<String> bodies) {
        List<CtReport> reports = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            reports.add(new CtReport("ct-report " + i, Observations.T0.plusSeconds(i * 600L), "coap", bodies.get(i),
                    i % 3 == 0 ? "1" : "0"));
        }
        DeviceObservation device = new DeviceObservation(Observations.IMEI, reports, List.of(), List.of(),
                Instant.parse("2026-11-27T08:00:00Z"));

        for (Product product : List.of(Product.UNDECLARED, RuleTests.METER)) {
            Checklist checklist = CertificationRules.judge(device, product);
            assertThat(checklist.results()).hasSize(CertificationRules.all().size());
        }
    }

    @Provide
    Arbitrary<List<String>> bodies() {
        Arbitrary<String> raw = Arbitraries.strings().ofMaxLength(200);
        Arbitrary<Object> value = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(30).map(s -> (Object) s),
                Arbitraries.integers().map(n -> (Object) n), Arbitraries.just(null), Arbitraries.of(true, false)
                        .map(b -> (Object) b), Arbitraries.just(List.of(1, "x")), Arbitraries.just(Map.of("a", 1)));
        Arbitrary<String> key = Arbitraries.oneOf(Arbitraries.of("REGVER", "MEID", "MODEL", "MODELSMS", "SWVER",
                "IMEI1", "SIM1ICCID", "SIM1LTEIMSI", "REGDATE", "UETYPE"), Arbitraries.strings().ofMaxLength(10));
        Arbitrary<String> json = Arbitraries.maps(key, value).ofMaxSize(12).map(fields -> {
            try {
                return WireBase64.encode(JSON.writeValueAsBytes(fields));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return Arbitraries.oneOf(raw, json).list().ofMaxSize(6);
    }
}
