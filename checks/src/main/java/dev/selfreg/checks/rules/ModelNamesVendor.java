package dev.selfreg.checks.rules;

import dev.selfreg.checks.CertificationRule;
import dev.selfreg.checks.Product;
import dev.selfreg.checks.Severity;
import dev.selfreg.checks.observed.CtReport;
import java.time.Instant;
import java.util.Optional;

/**
 * CT-3: {@code MODEL} is the declared vendor code, {@code -}, the model; at most 20 characters; no further {@code -}
 * (ct-zzhc-wire.md, "MODEL": Nordic sends {@code NOD-<model>}, XinYi turns every later {@code -} into a space).
 * Without a declaration only the shape is judged.
 */
final class ModelNamesVendor extends CertificationRule {

    /** ct-zzhc-wire.md, "Request body". */
    private static final int MODEL_MAX = 20;
    /** ct-zzhc-wire.md, "MODEL". */
    private static final int VENDOR_CODE_MAX = 3;

    ModelNamesVendor() {
        super("CT-3", "MODEL = declared vendor code + '-' + model; ≤ 20 characters; no further '-'",
                "vendor code and notes", Severity.WARNING);
    }

    @Override
    public Fold start(Product product) {
        return new Tally() {
            @Override
            public void report(CtReport report) {
                String model = report.model();
                if (model == null) {
                    return;
                }
                problem(model, product).ifPresentOrElse(
                        problem -> bad.add(report, () -> "MODEL \"" + model + "\": " + problem),
                        () -> good.add(report, () -> "MODEL \"" + model + "\""));
            }

            @Override
            public Judged verdict(Instant observedUntil) {
                return tally("no China Telecom report with a MODEL", "MODEL names the vendor code and the model"
                        + (product.vendorCode().isPresent() ? " declared" : ""),
                        " report(s) with a MODEL that is not <vendor code>-<model>");
            }
        };
    }

    private static Optional<String> problem(String model, Product product) {
        if (model.codePointCount(0, model.length()) > MODEL_MAX) {
            return Optional.of("longer than " + MODEL_MAX + " characters");
        }
        int dash = model.indexOf('-');
        if (dash < 0) {
            return Optional.of("no '-' after a vendor code");
        }
        String code = model.substring(0, dash);
        String rest = model.substring(dash + 1);
        if (code.isEmpty() || code.length() > VENDOR_CODE_MAX) {
            return Optional.of("\"" + code + "\" is no vendor code (1 to " + VENDOR_CODE_MAX + " characters)");
        }
        if (rest.contains("-")) {
            return Optional.of("a further '-' in \"" + rest + "\"");
        }
        if (product.vendorCode().isPresent() && !product.vendorCode().get().equals(code)) {
            return Optional.of("vendor code \"" + code + "\", declared \"" + product.vendorCode().get() + "\"");
        }
        if (product.model().isPresent() && !product.model().get().equals(rest)) {
            return Optional.of("model \"" + rest + "\", declared \"" + product.model().get() + "\"");
        }
        return Optional.empty();
    }
}
