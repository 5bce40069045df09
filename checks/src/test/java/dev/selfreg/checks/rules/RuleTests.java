package dev.selfreg.checks.rules;

import dev.selfreg.checks.CheckResult;
import dev.selfreg.checks.Product;
import dev.selfreg.checks.ProductFile;
import dev.selfreg.checks.observed.DeviceObservation;

/** Judging one observation by one rule, as the rule tests do. */
final class RuleTests {

    /** A meter built on the BC260Y-CN, declared as examples/product.yaml declares one. */
    static final Product METER = ProductFile.parse("""
            name: Smart meter M1
            vendor-code: SRL
            model: M1
            swver: BC260YCNAAR01A04
            retry-profile: nb-iot
            cmdmp:
              appkey: M100000000
              update-period: 3600
              terminal-info:
                required: [MAC, swVer]
                values: {swName: selfreg-meter}
            """, "meter.yaml");

    private RuleTests() {
    }

    static CheckResult judge(String rule, DeviceObservation device) {
        return judge(rule, device, METER);
    }

    static CheckResult judge(String rule, DeviceObservation device, Product product) {
        return CertificationRules.byId(rule).orElseThrow().judge(device, product);
    }
}
