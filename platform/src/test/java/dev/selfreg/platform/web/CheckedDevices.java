package dev.selfreg.platform.web;

import dev.selfreg.checks.Product;
import dev.selfreg.checks.ProductFile;
import dev.selfreg.platform.store.CtRegistration;
import dev.selfreg.platform.store.DmEvent;
import dev.selfreg.protocol.zzhc.ZzhcReport;
import java.time.Instant;

/**
 * Devices whose records make a known checklist, committed the way the services commit them, with the boots a lab
 * would tell: one that passes, one that fails.
 */
final class CheckedDevices {

    static final String PASSING = "869999000000101";
    static final String FAILING = "869999000000202";
    static final String ICCID = "89860321000000000101";
    static final String IMSI = "460111234567101";

    /** A meter declared as examples/product.yaml declares one. */
    static final Product METER = ProductFile.parse("""
            name: Smart meter M1
            vendor-code: SRL
            model: M1
            swver: BC260YCNAAR01A04
            """, "meter.yaml");

    private CheckedDevices() {
    }

    /** Boots, reports once, boots again and stays silent: every China Telecom rule it can show passes. */
    static void passing(WebTestBench bench) {
        bench.facts.attached(PASSING, ICCID, IMSI, "BC260YCNAAR01A04");
        bench.records.accepted(report(PASSING, "BC260YCNAAR01A04"));
        bench.facts.attached(PASSING, ICCID, IMSI, "BC260YCNAAR01A04");
    }

    /**
     * Reports again on its second boot with nothing changed (CT-6 fails), with a SWVER that is not the declared one
     * (CT-4 warns), and a CMDMP Register whose endpoint decrypts to another IMEI (DM-1 fails).
     */
    static void failing(WebTestBench bench) {
        bench.facts.attached(FAILING, ICCID, IMSI, "BC260YCNAAR01A03");
        bench.records.accepted(report(FAILING, "BC260YCNAAR01A03"));
        bench.facts.attached(FAILING, ICCID, IMSI, "BC260YCNAAR01A03");
        bench.records.accepted(report(FAILING, "BC260YCNAAR01A03"));
        bench.records.event(new DmEvent(0, Instant.now(), WebTestBench.endpoint(FAILING), FAILING, "rejected", "failed",
                "register answered 4.03: endpoint identity mismatch: the endpoint names IMEI " + FAILING
                        + ", its cipher 869999000000299"));
    }

    private static CtRegistration report(String imei, String swver) {
        ZzhcReport report = ZzhcReport.v2(imei, "SRL-M1", swver, ICCID, IMSI);
        return new CtRegistration(0, Instant.now(), "coap", "127.0.0.1:40123", imei, IMSI, ICCID, "SRL-M1", swver, "2",
                report.json());
    }
}
