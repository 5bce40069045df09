package dev.selfreg.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.selfreg.checks.CheckResult;
import dev.selfreg.checks.Checklist;
import dev.selfreg.checks.Verdict;
import dev.selfreg.checks.report.ChecklistJson;
import dev.selfreg.checks.report.HtmlReport;
import dev.selfreg.checks.report.JunitReport;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code selfreg checks --platform URL}: every device's certification checklist from a running lab platform
 * ({@code GET /api/devices}, then {@code /api/devices/{imei}/checks}), as text, and as a report to hand on: JUnit
 * XML and one self-contained HTML page.
 */
@Command(name = "checks", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print every device's certification verdicts from a running lab platform (would it pass the",
                "carriers' acceptance tests?), and write them as JUnit XML and a printable HTML page."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {"0:no device fails a rule (warnings and \"not observed\" do not fail)",
                "1:a device fails a rule", ExitCodes.LINE_USAGE,
                "69:the platform cannot be reached, or it answered something other than its checks", ExitCodes.LINE_INTERNAL})
final class ChecksCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Spec
    CommandSpec spec;

    @Option(names = "--platform", required = true, paramLabel = "URL",
            description = "The lab platform's web address, e.g. http://127.0.0.1:8080.")
    String platform;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "The platform's bearer token (needed when it is bound off loopback).")
    String token;

    @Option(names = "--imei", paramLabel = "IMEI", description = "Only this device (repeatable); default: every device.")
    List<String> imeis = new ArrayList<>();

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write JUnit XML: one test case per rule per device.")
    Path junit;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write one self-contained HTML page, readable printed.")
    Path html;

    @Override
    public Integer call() {
        URI base = base();
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        List<String> devices = imeis.isEmpty() ? deviceList(http, base) : imeis;
        List<Checklist> checklists = new ArrayList<>();
        for (String imei : devices) {
            JsonNode body = get(http, base.resolve("/api/devices/" + URLEncoder.encode(imei, StandardCharsets.UTF_8)
                    + "/checks"), "the checks of " + imei);
            try {
                checklists.add(ChecklistJson.read(body));
            } catch (IllegalArgumentException e) {
                throw new CannotStartException(platform + " answered something other than a checklist for " + imei
                        + " (" + e.getMessage() + ")", e);
            }
        }
        print(checklists, System.out);
        String title = "lab platform " + platform;
        write(junit, () -> JunitReport.write(title, checklists));
        write(html, () -> HtmlReport.write(title, Instant.now(), checklists));
        return checklists.stream().anyMatch(c -> c.count(Verdict.FAIL) > 0) ? ExitCodes.OUTCOME_NOT_MET : ExitCodes.OK;
    }

    private URI base() {
        URI uri;
        try {
            uri = URI.create(platform.strip());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--platform '" + platform + "' is not a URL");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new ParameterException(spec.commandLine(),
                    "--platform is the platform's web address, e.g. http://127.0.0.1:8080, not '" + platform + "'");
        }
        return uri;
    }

    private List<String> deviceList(HttpClient http, URI base) {
        List<String> devices = new ArrayList<>();
        get(http, base.resolve("/api/devices"), "its device list").forEach(d -> devices.add(d.path("imei").asText()));
        return devices;
    }

    private JsonNode get(HttpClient http, URI uri, String what) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CannotStartException("cannot reach the platform at " + platform + " (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CannotStartException("interrupted while asking " + platform + " for " + what, e);
        }
        if (response.statusCode() == 401) {
            throw new ParameterException(spec.commandLine(), platform + " wants its bearer token"
                    + (token == null ? " (--token)" : ", and refused the one given with --token"));
        }
        if (response.statusCode() != 200) {
            throw new CannotStartException(platform + " answered HTTP " + response.statusCode() + " for " + what + ": "
                    + response.body().lines().findFirst().orElse(""), null);
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new CannotStartException(platform + " answered something other than JSON for " + what, e);
        }
    }

    /** One line per device, then one per rule it fails or warns of, with the first record behind it. */
    static void print(List<Checklist> checklists, PrintStream out) {
        for (Checklist c : checklists) {
            out.printf("%-17s %-12s %d pass, %d fail, %d warn, %d not observed%n", c.imei(), c.overall().label(),
                    c.count(Verdict.PASS), c.count(Verdict.FAIL), c.count(Verdict.WARN), c.count(Verdict.NOT_OBSERVED));
            for (CheckResult r : c.results()) {
                if (r.verdict() == Verdict.FAIL || r.verdict() == Verdict.WARN) {
                    out.printf("  %-4s %-5s %s%s%n", r.verdict().label().toUpperCase(Locale.ROOT), r.id(),
                            r.summary(), r.evidence().isEmpty() ? ""
                                    : " (" + r.evidence().get(0).ref() + ": " + r.evidence().get(0).detail() + ")");
                }
            }
        }
        long failing = checklists.stream().filter(c -> c.count(Verdict.FAIL) > 0).count();
        out.printf("%d device(s), %d failing%n", checklists.size(), failing);
    }

    private void write(Path file, Supplier<String> content) {
        if (file == null) {
            return;
        }
        try {
            Files.writeString(file, content.get());
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot write " + file + ": " + e.getMessage());
        }
    }
}
