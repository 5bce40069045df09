package dev.selfreg.lab.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.selfreg.checks.CheckResult;
import dev.selfreg.checks.Checklist;
import dev.selfreg.checks.Verdict;
import dev.selfreg.checks.rules.CertificationRules;
import dev.selfreg.lab.AtReply;
import dev.selfreg.lab.EmulatedUnit;
import dev.selfreg.lab.Lab;
import dev.selfreg.module.NetworkConditions;
import dev.selfreg.module.PsmGrant;
import dev.selfreg.module.RadioSignal;
import dev.selfreg.module.Sim;
import dev.selfreg.module.network.NetworkFault;
import dev.selfreg.platform.store.CtRegistration;
import dev.selfreg.platform.store.DmDevice;
import dev.selfreg.platform.store.DmEvent;
import dev.selfreg.module.ModuleStatus;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** The kinds of step a scenario file can hold. */
final class Steps {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The {@code module:} value of a step that acts on every module of the lab. */
    static final String EVERY_MODULE = "all";

    private Steps() {
    }

    /** The module {@code unit} names, or every module of the lab for {@link #EVERY_MODULE}, in the order added. */
    private static List<EmulatedUnit> units(Lab lab, String unit) {
        return EVERY_MODULE.equals(unit) && !lab.hasUnit(unit) ? lab.unitsInOrder() : List.of(lab.unit(unit));
    }

    /** {@code at: LINE} with {@code expect}: the lines must appear in the answer, in order. */
    record At(String unit, String line, List<String> expect) implements Step {
        public String describe() {
            return "at " + line + (expect.isEmpty() ? "" : " -> " + String.join(" / ", expect));
        }

        public void run(Lab lab) {
            AtReply reply = lab.unit(unit).at(line);
            List<String> wanted = expect.isEmpty() || !AtReply.isFinalResult(expect.get(expect.size() - 1))
                    ? concat(expect, "OK") : expect;
            int next = 0;
            for (String got : reply.lines()) {
                if (next < wanted.size() && got.equals(wanted.get(next))) {
                    next++;
                }
            }
            if (next < wanted.size() || !reply.finalResult().equals(wanted.get(wanted.size() - 1))) {
                throw new AssertionError("expected " + String.join(" / ", wanted) + ", the module answered " + reply);
            }
        }

        private static List<String> concat(List<String> lines, String last) {
            List<String> all = new ArrayList<>(lines);
            all.add(last);
            return all;
        }
    }

    /** {@code advance: 24h}: module time passes for every module. */
    record Advance(Duration duration) implements Step {
        public String describe() {
            return "advance " + Durations.format(duration);
        }

        public void run(Lab lab) {
            lab.advance(duration);
        }
    }

    /** {@code power-cycle}: power cut and power on. */
    record PowerCycle(String unit) implements Step {
        public String describe() {
            return "power-cycle";
        }

        public void run(Lab lab) {
            units(lab, unit).forEach(each -> each.module().powerCycle());
        }
    }

    /** {@code sim: {imsi, iccid}} or {@code sim: none}: a card swap, read at the next boot. */
    record SimSwap(String unit, Optional<Sim> card) implements Step {
        public String describe() {
            return "sim " + card.map(c -> c.imsi() + " " + c.iccid()).orElse("removed");
        }

        public void run(Lab lab) {
            lab.unit(unit).module().changeSim(card);
        }
    }

    /** {@code firmware: VERSION}: FOTA, then boot. */
    record Firmware(String unit, String version) implements Step {
        public String describe() {
            return "firmware " + version;
        }

        public void run(Lab lab) {
            units(lab, unit).forEach(each -> each.module().upgradeFirmware(version));
        }
    }

    /** {@code fault: {service, mode, ...}}: a network fault from now on; {@code clear-faults} ends them. */
    record Fault(String unit, Optional<NetworkFault> fault) implements Step {
        public String describe() {
            return fault.map(f -> "fault " + f.service().label() + " " + f.mode().label()).orElse("clear-faults");
        }

        public void run(Lab lab) {
            for (EmulatedUnit each : units(lab, unit)) {
                var faults = each.module().network().faults();
                fault.ifPresentOrElse(faults::add, faults::clear);
            }
        }
    }

    /**
     * {@code network: {registration, reject-cause, attach, signal, psm}}: the radio network around the
     * module changes; what the step leaves out stays as it was.
     */
    record Network(String unit, Optional<NetworkConditions.Availability> registration, OptionalInt rejectCause,
                   Optional<Duration> attach, Map<String, Integer> signal, Optional<PsmGrant> psm) implements Step {
        public String describe() {
            List<String> parts = new ArrayList<>();
            registration.ifPresent(value -> parts.add("registration " + value.label()));
            rejectCause.ifPresent(value -> parts.add("reject-cause " + value));
            attach.ifPresent(value -> parts.add("attach " + Durations.format(value)));
            if (!signal.isEmpty()) {
                parts.add("signal " + signal);
            }
            psm.ifPresent(value -> parts.add("psm " + value.view()));
            return "network " + String.join(", ", parts);
        }

        public void run(Lab lab) {
            var attach = lab.unit(unit).module().attach();
            attach.setConditions(applyTo(attach.conditions()));
        }

        /**
         * {@code conditions} with this step's changes.
         *
         * @throws IllegalArgumentException when a value is out of its range
         */
        NetworkConditions applyTo(NetworkConditions conditions) {
            NetworkConditions next = conditions;
            if (registration.isPresent()) {
                next = next.withAvailability(registration.get());
            }
            if (rejectCause.isPresent()) {
                next = next.withRejectCause(rejectCause.getAsInt());
            }
            if (attach.isPresent()) {
                next = next.withAttachTime(attach.get());
            }
            if (psm.isPresent()) {
                next = next.withPsm(psm.get());
            }
            RadioSignal measured = next.signal();
            for (Map.Entry<String, Integer> value : signal.entrySet()) {
                measured = measured.with(value.getKey(), value.getValue());
            }
            return next.withSignal(measured);
        }
    }

    /** {@code expect-module: {power: deep-sleep, dmState: 6, ct: {lastOutcome: success}}}: the control API view. */
    record ExpectModule(String unit, Map<String, Object> expected) implements Step {
        /** Every key names a field of the control API's view ({@link ModuleStatus}), checked when the file is read. */
        ExpectModule {
            knownFields(expected, ModuleStatus.class, "expect-module");
        }

        private static void knownFields(Map<?, ?> expected, Class<?> view, String where) {
            RecordComponent[] components = view.getRecordComponents();
            List<String> names = Arrays.stream(components).map(RecordComponent::getName).toList();
            for (Map.Entry<?, ?> entry : expected.entrySet()) {
                int at = names.indexOf(String.valueOf(entry.getKey()));
                if (at < 0) {
                    throw new ScenarioException(where + " has no '" + entry.getKey() + "' (use " + String.join(", ", names) + ")");
                }
                Class<?> type = components[at].getType();
                if (entry.getValue() instanceof Map<?, ?> inner && type.isRecord()) {
                    knownFields(inner, type, where + " " + entry.getKey());
                }
            }
        }

        public String describe() {
            return "expect-module " + expected;
        }

        public void run(Lab lab) {
            JsonNode status = JSON.valueToTree(lab.unit(unit).module().status());
            JsonNode wanted = JSON.valueToTree(expected);
            String mismatch = mismatch("", wanted, status);
            if (mismatch != null) {
                throw new AssertionError(mismatch + " (module: " + status + ")");
            }
        }

        private static String mismatch(String path, JsonNode wanted, JsonNode actual) {
            if (wanted.isObject()) {
                for (var fields = wanted.fields(); fields.hasNext(); ) {
                    var field = fields.next();
                    JsonNode child = actual == null ? null : actual.get(field.getKey());
                    if (child == null) {
                        return "module has no " + path + field.getKey();
                    }
                    String inner = mismatch(path + field.getKey() + ".", field.getValue(), child);
                    if (inner != null) {
                        return inner;
                    }
                }
                return null;
            }
            boolean equal = wanted.isNumber() && actual.isNumber()
                    ? wanted.decimalValue().compareTo(actual.decimalValue()) == 0
                    : wanted.asText().equals(actual.asText());
            return equal ? null : path.substring(0, Math.max(0, path.length() - 1)) + " is " + actual + ", expected " + wanted;
        }
    }

    /**
     * {@code expect-platform}: what the lab platform stored. Keys: {@code ct-registrations}
     * (count, for {@code imei} when given), {@code ct-rejections} (count), {@code dm-state}
     * (device state for {@code imei}), {@code dm-events} ({@code {kind, count}} for {@code imei}).
     * Checked once: the lab's clock does not move on before the platform has recorded what the
     * modules' messages caused (the read of object 666 after a Register included).
     */
    record ExpectPlatform(Map<String, Object> expected) implements Step {
        private static final List<String> KEYS = List.of("ct-registrations", "ct-rejections", "dm-state", "dm-events", "imei");
        private static final List<String> DM_EVENT_KEYS = List.of("kind", "count", "outcome");

        /** Checked when the file is read, so a misspelt key fails before the first step runs. */
        ExpectPlatform {
            ScenarioParser.known(expected, KEYS, "expect-platform");
            if (expected.containsKey("dm-events")) {
                if (!(expected.get("dm-events") instanceof Map<?, ?> events)) {
                    throw new ScenarioException("expect-platform dm-events is {" + String.join(", ", DM_EVENT_KEYS) + "}");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> fields = (Map<String, Object>) events;
                ScenarioParser.known(fields, DM_EVENT_KEYS, "expect-platform dm-events");
            }
        }

        public String describe() {
            return "expect-platform " + expected;
        }

        public void run(Lab lab) {
            var store = lab.platform().records().store();
            String imei = (String) expected.get("imei");
            for (Map.Entry<String, Object> entry : expected.entrySet()) {
                switch (entry.getKey()) {
                    case "imei" -> { }
                    case "ct-registrations" -> {
                        long found = store.ctRegistrations(imei, Integer.MAX_VALUE).stream()
                                .map(CtRegistration::imei).filter(i -> imei == null || i.equals(imei)).count();
                        check("CT registrations" + forImei(imei), entry.getValue(), found);
                    }
                    case "ct-rejections" -> check("CT rejections", entry.getValue(), store.ctRejections(Integer.MAX_VALUE).size());
                    case "dm-state" -> {
                        String state = store.dmDevices(imei, Integer.MAX_VALUE).stream().map(DmDevice::state)
                                .findFirst().orElse("none");
                        check("DM device state" + forImei(imei), entry.getValue(), state);
                    }
                    case "dm-events" -> {
                        Map<?, ?> wanted = (Map<?, ?>) entry.getValue();
                        String kind = String.valueOf(wanted.get("kind"));
                        long found = store.dmEvents(Integer.MAX_VALUE).stream()
                                .filter(e -> e.kind().equals(kind) && (imei == null || imei.equals(e.imei())))
                                .filter(e -> !wanted.containsKey("outcome") || e.outcome().equals(wanted.get("outcome")))
                                .map(DmEvent::id).count();
                        check("DM " + kind + " events" + forImei(imei), wanted.get("count"), found);
                    }
                    default -> throw new IllegalStateException("checked when read: " + entry.getKey());
                }
            }
        }

        private static String forImei(String imei) {
            return imei == null ? "" : " of " + imei;
        }

        private static void check(String what, Object wanted, Object found) {
            if (!String.valueOf(wanted).equals(String.valueOf(found))) {
                throw new AssertionError(what + ": found " + found + ", expected " + wanted);
            }
        }
    }

    /** {@code erase-nvram}: the module's NVRAM wiped while it runs; its settings read their defaults at the next boot. */
    record EraseNvram(String unit) implements Step {
        public String describe() {
            return "erase-nvram";
        }

        public void run(Lab lab) {
            lab.unit(unit).eraseNvram();
        }
    }

    /**
     * {@code expect-checks: {CT-6: fail, rest: [pass, not-observed]}}: the certification verdicts the platform gives
     * the device ({@code imei}, by default the module's own). Each rule id names the verdict expected (or a list of
     * them); {@code rest} is what every rule not named must give. Verdicts: pass, fail, warn, not-observed. Repeated
     * for a short while, like {@link ExpectPlatform}, as the platform reads object 666 in real time.
     */
    record ExpectChecks(String imei, Map<String, List<Verdict>> expected) implements Step {
        private static final String IMEI = "imei";
        private static final String REST = "rest";

        /** Whether the step's mapping names its device by IMEI, so that it needs no module. */
        static boolean namesItsDevice(Object value) {
            return value instanceof Map<?, ?> fields && fields.containsKey(IMEI);
        }

        /** Reads the step's mapping; a key that is no rule id, or a verdict that is none, fails before any step runs. */
        static ExpectChecks of(String moduleImei, Map<String, Object> fields) {
            return new ExpectChecks(fields.containsKey(IMEI) ? String.valueOf(fields.get(IMEI)) : moduleImei,
                    verdicts(fields));
        }

        private static Map<String, List<Verdict>> verdicts(Map<String, Object> fields) {
            List<String> keys = new ArrayList<>();
            CertificationRules.all().forEach(rule -> keys.add(rule.id()));
            keys.add(REST);
            keys.add(IMEI);
            Map<String, List<Verdict>> expected = new LinkedHashMap<>();
            for (Map.Entry<String, Object> field : ScenarioParser.known(fields, keys, "expect-checks").entrySet()) {
                if (field.getKey().equals(IMEI)) {
                    continue;
                }
                List<?> values = field.getValue() instanceof List<?> list ? list : List.of(String.valueOf(field.getValue()));
                List<Verdict> verdicts = new ArrayList<>();
                for (Object value : values) {
                    verdicts.add(Verdict.ofCode(String.valueOf(value)).orElseThrow(() -> new ScenarioException(
                            "expect-checks " + field.getKey() + ": '" + value + "' is no verdict (pass, fail, warn,"
                                    + " not-observed)")));
                }
                expected.put(field.getKey(), List.copyOf(verdicts));
            }
            return expected;
        }

        public String describe() {
            StringBuilder text = new StringBuilder("expect-checks ").append(imei);
            expected.forEach((rule, verdicts) -> text.append(' ').append(rule).append('=')
                    .append(String.join("|", verdicts.stream().map(Verdict::code).toList())));
            return text.toString();
        }

        /** Checked once: the lab's clock has waited for the platform's work before this step (scenario.md). */
        public void run(Lab lab) {
            check(lab);
        }

        private void check(Lab lab) {
            Checklist checklist = lab.platform().checks().of(imei)
                    .orElseThrow(() -> new AssertionError("the platform has no record of IMEI " + imei));
            List<String> mismatches = new ArrayList<>();
            for (CheckResult result : checklist.results()) {
                List<Verdict> wanted = expected.getOrDefault(result.id(), expected.get(REST));
                if (wanted != null && !wanted.contains(result.verdict())) {
                    mismatches.add(result.id() + " is " + result.verdict().code() + " (" + result.summary()
                            + (result.evidence().isEmpty() ? "" : ": " + result.evidence().get(0).detail())
                            + "), expected " + String.join(" or ", wanted.stream().map(Verdict::code).toList()));
                }
            }
            if (!mismatches.isEmpty()) {
                throw new AssertionError(String.join("; ", mismatches));
            }
        }
    }
}
