package dev.selfreg.checks.report;

import dev.selfreg.checks.CheckResult;
import dev.selfreg.checks.Checklist;
import dev.selfreg.checks.Evidence;
import dev.selfreg.checks.Verdict;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Checklists as JUnit XML for CI: one test suite per device, one test case per rule. A failed rule is a
 * {@code <failure>} with its evidence; a rule not observed is {@code <skipped>}; a warning passes (CI stays green on
 * a vendor note) and says so in {@code <system-out>}.
 */
public final class JunitReport {

    private JunitReport() {
    }

    /** The XML document for {@code checklists}, under the name {@code title}. */
    public static String write(String title, List<Checklist> checklists) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", clean(title));
            xml.writeAttribute("tests", Long.toString(checklists.stream().mapToLong(c -> c.results().size()).sum()));
            xml.writeAttribute("failures", Long.toString(checklists.stream().mapToLong(c -> c.count(Verdict.FAIL)).sum()));
            xml.writeCharacters("\n");
            for (Checklist checklist : checklists) {
                suite(xml, checklist);
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML to a string cannot fail", e);
        }
        return out.toString();
    }

    private static void suite(XMLStreamWriter xml, Checklist checklist) throws XMLStreamException {
        xml.writeCharacters("  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", "device " + checklist.imei());
        xml.writeAttribute("tests", Integer.toString(checklist.results().size()));
        xml.writeAttribute("failures", Long.toString(checklist.count(Verdict.FAIL)));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", Long.toString(checklist.count(Verdict.NOT_OBSERVED)));
        xml.writeAttribute("timestamp", checklist.observedUntil().toString());
        xml.writeCharacters("\n");
        for (CheckResult result : checklist.results()) {
            xml.writeCharacters("    ");
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", "selfreg.checks." + checklist.imei());
            xml.writeAttribute("name", clean(result.id() + " " + result.rule()));
            switch (result.verdict()) {
                case FAIL -> {
                    xml.writeStartElement("failure");
                    xml.writeAttribute("message", clean(result.summary()));
                    xml.writeAttribute("type", result.source());
                    xml.writeCharacters(clean(evidence(result)));
                    xml.writeEndElement();
                }
                case NOT_OBSERVED -> {
                    xml.writeEmptyElement("skipped");
                    xml.writeAttribute("message", clean("not observed: " + result.summary()));
                }
                case WARN -> {
                    xml.writeStartElement("system-out");
                    xml.writeCharacters(clean("warning (" + result.source() + "): " + result.summary() + "\n" + evidence(result)));
                    xml.writeEndElement();
                }
                case PASS -> { }
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
        }
        xml.writeCharacters("  ");
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static String evidence(CheckResult result) {
        return result.evidence().stream().map(JunitReport::line).collect(Collectors.joining("\n"));
    }

    /** Device data may hold characters XML 1.0 cannot carry; each becomes U+FFFD. */
    private static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(c == '\t' || c == '\n' || c == '\r'
                || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF ? c : 0xFFFD));
        return out.toString();
    }

    private static String line(Evidence e) {
        return e.ref() + " at " + e.time() + ": " + e.detail();
    }
}
