package dev.selfreg.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MetricsEndpointTest {

    /** Prometheus text format 0.0.4: a sample line is {@code name{labels} value}. */
    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\",?)*})? (\\S+)");
    private static final Pattern HELP = Pattern.compile("# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) .+");
    private static final Pattern TYPE = Pattern.compile("# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)");

    @Test
    void metricsAreThePlatformCountersInThePrometheusTextFormat() {
        try (WebTestBench bench = WebTestBench.open()) {
            bench.metrics.count("ct", "accepted", "ok");
            bench.metrics.count("ct", "accepted", "ok");
            bench.metrics.count("dm", "rejected", "endpoint \"IMEI\" mismatch");
            bench.metrics.handled("ct", Duration.ofMillis(3));

            HttpResponse<String> response = bench.get("/metrics");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
            Map<String, String> types = new HashMap<>();
            Set<String> helped = new HashSet<>();
            Map<String, Double> samples = new HashMap<>();
            for (String line : response.body().split("\n")) {
                Matcher help = HELP.matcher(line);
                Matcher type = TYPE.matcher(line);
                Matcher sample = SAMPLE.matcher(line);
                if (help.matches()) {
                    helped.add(help.group(1));
                } else if (type.matches()) {
                    types.put(type.group(1), type.group(2));
                } else {
                    assertThat(sample.matches()).as("a sample line: %s", line).isTrue();
                    String family = sample.group(1).replaceFirst("_(bucket|sum|count)$", "");
                    assertThat(types).as("TYPE before the samples of %s", family).containsKey(family);
                    samples.put(sample.group(1) + (sample.group(2) == null ? "" : sample.group(2)),
                            Double.parseDouble(sample.group(3).replace("+Inf", "Infinity")));
                }
            }
            assertThat(helped).contains("selfreg_messages_total", "selfreg_handling_seconds");
            assertThat(types).containsEntry("selfreg_messages_total", "counter")
                    .containsEntry("selfreg_handling_seconds", "histogram");
            assertThat(samples).containsEntry("selfreg_messages_total{service=\"ct\",outcome=\"accepted\",reason=\"ok\"}", 2.0)
                    .containsEntry("selfreg_messages_total{service=\"dm\",outcome=\"rejected\",reason=\"endpoint \\\"IMEI\\\" mismatch\"}", 1.0)
                    .containsEntry("selfreg_handling_seconds_count{service=\"ct\"}", 1.0)
                    .containsEntry("selfreg_handling_seconds_bucket{service=\"ct\",le=\"0.005\"}", 1.0);
        }
    }
}
