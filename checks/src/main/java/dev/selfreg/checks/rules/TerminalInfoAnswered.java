package dev.selfreg.checks.rules;

import dev.selfreg.checks.CertificationRule;
import dev.selfreg.checks.EvidenceLog;
import dev.selfreg.checks.Product;
import dev.selfreg.checks.Severity;
import dev.selfreg.checks.observed.DmMessage;
import dev.selfreg.vocabulary.TerminalInfoField;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DM-5: object 666 is answered after each Register and Update, its values decrypt, every value the product declares
 * is present, and none it declares set is unset (seed 3.2.3; cmcc-dm-wire.md, "Object 666": {@code NULL} is the
 * module's unset value, other clients send {@code ***} or {@code unknown}). A read the platform could not decrypt for
 * want of the APPkey is DM-2's concern; a Register or Update not followed by a read yet is not judged.
 */
final class TerminalInfoAnswered extends CertificationRule {

    private static final Set<String> UNSET = Set.of(TerminalInfoField.UNSET, "", "***", "unknown");

    TerminalInfoAnswered() {
        super("DM-5", "object 666 is answered after each Register and Update, every declared resource present and"
                + " decryptable, none NULL that the product declares set", "seed 3.2.3, wire spec", Severity.FAILURE);
    }

    @Override
    public Fold start(Product product) {
        return new Fold() {
            private final EvidenceLog bad = new EvidenceLog();
            private final EvidenceLog good = new EvidenceLog();
            /** The accepted Register or Update whose read is awaited; {@code null} once it came. */
            private DmMessage awaiting;

            @Override
            public void message(DmMessage message) {
                if (message instanceof DmMessage.Register || message instanceof DmMessage.Update) {
                    awaiting = acceptedRegisterOrUpdate(message) ? message : null;
                } else if (message instanceof DmMessage.Read read && awaiting != null) {
                    judge(awaiting, read);
                    awaiting = null;
                }
            }

            private void judge(DmMessage after, DmMessage.Read read) {
                switch (read.outcome()) {
                    case FAILED -> bad.add(read, () -> "after " + after.ref() + ": " + read.detail());
                    case NOT_DECRYPTED -> { }
                    case DECRYPTED -> {
                        List<String> problems = read.values() == null ? List.of() : problems(read.values(), product);
                        if (problems.isEmpty()) {
                            good.add(read, () -> "answered after " + after.ref()
                                    + (read.values() == null ? "" : ", " + read.values().size() + " values decrypted"));
                        } else {
                            bad.add(read, () -> String.join("; ", problems));
                        }
                    }
                }
            }

            @Override
            public Judged verdict(Instant observedUntil) {
                if (!bad.isEmpty()) {
                    return broken(bad.count() + " read(s) of object 666 failed or incomplete", bad);
                }
                return good.isEmpty()
                        ? notObserved("no read of object 666 after a Register or Update that the platform could"
                                + " decrypt")
                        : pass("object 666 answered and complete after each Register and Update", good);
            }
        };
    }

    private static boolean acceptedRegisterOrUpdate(DmMessage message) {
        return message instanceof DmMessage.Register register && register.accepted()
                || message instanceof DmMessage.Update update && update.accepted();
    }

    private static List<String> problems(Map<Integer, String> values, Product product) {
        List<String> problems = new ArrayList<>();
        for (TerminalInfoField field : TerminalInfoField.values()) {
            String value = values.get(field.resourceId());
            String name = field.seedName() + " (" + field.resourceId() + ")";
            boolean required = product.requiredTerminalInfo().contains(field);
            String expected = product.expectedTerminalInfo().get(field);
            if ((required || expected != null) && value == null) {
                problems.add(name + " missing from the answer");
            } else if (required && UNSET.contains(value)) {
                problems.add(name + " is \"" + value + "\", declared set");
            } else if (expected != null && !expected.equals(value)) {
                problems.add(name + " is \"" + value + "\", declared \"" + expected + "\"");
            }
        }
        return problems;
    }
}
