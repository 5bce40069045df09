package dev.selfreg.checks.rules;

import dev.selfreg.checks.CertificationRule;
import dev.selfreg.checks.CheckResult;
import dev.selfreg.checks.Evidence;
import dev.selfreg.checks.Product;
import dev.selfreg.checks.Severity;
import dev.selfreg.checks.observed.DeviceObservation;
import dev.selfreg.checks.observed.DmMessage;
import dev.selfreg.vocabulary.TerminalInfoField;
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
    public CheckResult judge(DeviceObservation device, Product product) {
        List<Evidence> bad = new ArrayList<>();
        List<Evidence> good = new ArrayList<>();
        List<DmMessage> messages = device.dmMessages();
        for (int i = 0; i < messages.size(); i++) {
            if (!acceptedRegisterOrUpdate(messages.get(i))) {
                continue;
            }
            DmMessage.Read read = readAfter(messages, i);
            if (read == null) {
                continue;
            }
            switch (read.outcome()) {
                case FAILED -> bad.add(evidence(read, "after " + messages.get(i).ref() + ": " + read.detail()));
                case NOT_DECRYPTED -> { }
                case DECRYPTED -> {
                    List<String> problems = read.values() == null ? List.of() : problems(read.values(), product);
                    if (problems.isEmpty()) {
                        good.add(evidence(read, "answered after " + messages.get(i).ref()
                                + (read.values() == null ? "" : ", " + read.values().size() + " values decrypted")));
                    } else {
                        bad.add(evidence(read, String.join("; ", problems)));
                    }
                }
            }
        }
        if (!bad.isEmpty()) {
            return broken(bad.size() + " read(s) of object 666 failed or incomplete", bad);
        }
        return good.isEmpty()
                ? notObserved("no read of object 666 after a Register or Update that the platform could decrypt")
                : pass("object 666 answered and complete after each Register and Update", good);
    }

    private static boolean acceptedRegisterOrUpdate(DmMessage message) {
        return message instanceof DmMessage.Register register && register.accepted()
                || message instanceof DmMessage.Update update && update.accepted();
    }

    /** The first read after message {@code i} and before the next Register or Update. */
    private static DmMessage.Read readAfter(List<DmMessage> messages, int i) {
        for (int j = i + 1; j < messages.size(); j++) {
            DmMessage next = messages.get(j);
            if (next instanceof DmMessage.Read read) {
                return read;
            }
            if (next instanceof DmMessage.Register || next instanceof DmMessage.Update) {
                return null;
            }
        }
        return null;
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
