package dev.selfreg.checks.report;

import static dev.selfreg.checks.Observations.device;
import static dev.selfreg.checks.Observations.h;
import static dev.selfreg.checks.Observations.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.checks.Checklist;
import dev.selfreg.checks.Observations;
import dev.selfreg.checks.Product;
import dev.selfreg.checks.ProductFile;
import dev.selfreg.checks.Verdict;
import dev.selfreg.checks.observed.DeviceObservation;
import dev.selfreg.checks.rules.CertificationRules;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The checklists as JSON, JUnit XML and HTML. */
class ReportsTest {

    private static final Product PRODUCT = ProductFile.parse("swver: BC260YCNAAR01A04\nvendor-code: SRL\nmodel: M1\n",
            "p.yaml");

    /** One device re-registering on every boot, one with a model that is markup. */
    private static List<Checklist> checklists() {
        DeviceObservation rereg = device().ctBoot(s(0)).report(s(1)).ctBoot(h(1)).report(h(1).plusSeconds(1)).build();
        Map<String, Object> fields = Observations.v2Fields("<b>x</b>-\u0001", "BC260YCNAAR01A03",
                Observations.CT_ICCID, Observations.CT_IMSI);
        fields.put("MEID", "869999000000002");
        DeviceObservation markup = device().reportJson(s(0), fields, "0").build();
        return List.of(CertificationRules.judge(rereg, PRODUCT),
                CertificationRules.judge(new DeviceObservation("869999000000002", markup.ctReports(), List.of(),
                        List.of(), markup.observedUntil()), PRODUCT));
    }

    @Test
    void theJsonReadsBackAsTheSameChecklist() {
        Checklist checklist = checklists().get(0);

        assertThat(ChecklistJson.read(ChecklistJson.write(checklist))).isEqualTo(checklist);
        assertThat(ChecklistJson.write(checklist).get("verdict").asText()).isEqualTo("fail");
    }

    @Test
    void theJunitXmlParsesWithOneTestCasePerRulePerDevice() throws Exception {
        String xml = JunitReport.write("lab platform", checklists());

        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        NodeList suites = document.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(2);
        NodeList cases = document.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(2 * CertificationRules.all().size());
        Element ct6 = (Element) cases.item(5);
        assertThat(ct6.getAttribute("name")).startsWith("CT-6 ");
        assertThat(ct6.getAttribute("classname")).isEqualTo("selfreg.checks." + Observations.IMEI);
        assertThat(ct6.getElementsByTagName("failure").item(0).getTextContent()).contains("re-registered without a change");
        Element dm1 = (Element) cases.item(9);
        assertThat(dm1.getElementsByTagName("skipped").getLength()).isEqualTo(1);
        assertThat(document.getDocumentElement().getAttribute("failures"))
                .isEqualTo(Long.toString(checklists().stream().mapToLong(c -> c.count(Verdict.FAIL)).sum()));
    }

    @Test
    void theHtmlPageIsSelfContainedAndShowsDeviceDataAsText() {
        String html = HtmlReport.write("http://127.0.0.1:8080", Instant.parse("2026-11-26T09:00:00Z"), checklists());

        assertThat(html).startsWith("<!doctype html>").contains("<style>", "@media print", "869999000000002")
                .contains("&lt;b&gt;x&lt;/b&gt;").doesNotContain("<b>x</b>", "<script", "src=", "href=\"http");
        assertThat(html).contains("id=\"869999000000001-ct-report-2\"", "href=\"#869999000000001-ct-report-2\"");
    }
}
