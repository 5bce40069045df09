package dev.selfreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.checks.ProductFile;
import dev.selfreg.checks.rules.CertificationRules;
import dev.selfreg.platform.LabPlatform;
import dev.selfreg.platform.PlatformSettings;
import dev.selfreg.platform.store.CtRegistration;
import dev.selfreg.protocol.zzhc.ZzhcReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** {@code selfreg checks} against a running platform, through the jar as a process. */
class ChecksCommandIT {

    private static final String REREGISTERS = "869999000000301";
    private static final String ONCE = "869999000000302";
    private static final String ICCID = "89860321000000000301";
    private static final String IMSI = "460111234567301";

    @Test
    void aFailingDeviceExits1WithItsRulesAndTheReportsHaveEveryRuleOfEveryDevice(@TempDir Path dir) throws Exception {
        PlatformSettings settings = new PlatformSettings("127.0.0.1", 0, 0, 0, 0,
                Optional.of("jdbc:h2:mem:checks-" + UUID.randomUUID()), dir, List.of(), false, Optional.empty(),
                ProductFile.read(Path.of("../examples/product.yaml")));
        try (LabPlatform platform = LabPlatform.start(settings)) {
            var facts = platform.checks().facts();
            facts.attached(REREGISTERS, ICCID, IMSI, "BC260YCNAAR01A04");
            platform.records().accepted(report(REREGISTERS));
            facts.attached(REREGISTERS, ICCID, IMSI, "BC260YCNAAR01A04");
            platform.records().accepted(report(REREGISTERS));
            platform.records().accepted(report(ONCE));
            Path junit = dir.resolve("checks.xml");
            Path html = dir.resolve("checks.html");

            CliRun run = CliRun.of("checks", "--platform", "http://127.0.0.1:" + platform.ports().get("web"),
                    "--junit", junit.toString(), "--html", html.toString());

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OUTCOME_NOT_MET);
            assertThat(run.outLines()).anySatisfy(line -> assertThat(line).startsWith(REREGISTERS).contains("fail"))
                    .anySatisfy(line -> assertThat(line).contains("FAIL", "CT-6", "re-registered without a change"))
                    .contains("2 device(s), 1 failing");
            Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
            assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(2 * CertificationRules.all().size());
            assertThat(Files.readString(html)).contains("<!doctype html>", REREGISTERS, ONCE, "re-registered without a change");
        }
    }

    @Test
    void withoutAnyFailureItExits0() throws Exception {
        PlatformSettings settings = new PlatformSettings("127.0.0.1", 0, 0, 0, 0,
                Optional.of("jdbc:h2:mem:checks-" + UUID.randomUUID()), Path.of("target"), List.of(), false,
                Optional.empty());
        try (LabPlatform platform = LabPlatform.start(settings)) {
            platform.records().accepted(report(ONCE));

            CliRun run = CliRun.of("checks", "--platform", "http://127.0.0.1:" + platform.ports().get("web"),
                    "--imei", ONCE);

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.outLines()).contains("1 device(s), 0 failing");
        }
    }

    private static CtRegistration report(String imei) {
        ZzhcReport report = ZzhcReport.v2(imei, "SRL-M1", "BC260YCNAAR01A04", ICCID, IMSI);
        return new CtRegistration(0, Instant.now(), "coap", "127.0.0.1:40123", imei, IMSI, ICCID, "SRL-M1",
                "BC260YCNAAR01A04", "2", report.json());
    }
}
