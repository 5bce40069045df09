package dev.selfreg.lab.scenario;

import dev.selfreg.checks.Product;
import dev.selfreg.checks.ProductFile;
import dev.selfreg.checks.ProductFileException;
import dev.selfreg.module.ModuleProfile;
import dev.selfreg.module.NetworkConditions;
import dev.selfreg.module.PsmGrant;
import dev.selfreg.module.PsmTimers;
import dev.selfreg.module.RadioSignal;
import dev.selfreg.module.Sim;
import dev.selfreg.module.network.LabService;
import dev.selfreg.module.network.NetworkFault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads scenario files (YAML):
 * <pre>
 * name: First China Telecom registration
 * modules:                      # optional; default one module "unit" with a China Telecom SIM
 *   unit: {sim: ct, imei: "869999000000001", firmware: BC260YCNAAR01A04, ct-model: QTL-BC260Y CN}
 * platform:
 *   dm-apps: ["M100000000=0123456789ABCDEFGHIJKLMNOPQRSTUV"]
 * steps:
 *   - at: AT+QSCLK=0            # expect: a line or a list; OK is implied unless a final result is given
 *     expect: OK
 *   - advance: 24h
 *   - power-cycle
 *   - sim: {imsi: "460041234567890", iccid: "89860012345678901234"}   # or: sim: none
 *   - firmware: BC260YCNAAR01A05
 *   - fault: {service: ct, mode: drop, count: 1}
 *   - clear-faults
 *   - network: {registration: lost}      # available, denied, lost; reject-cause: N; attach: 30s
 *   - network: {signal: {rssi: 3, ber: 0, rsrp: 20, rsrq: 10}}
 *   - expect-module: {power: deep-sleep, dmState: 6, ct: {lastOutcome: success}}
 *   - expect-platform: {imei: "869999000000001", ct-registrations: 1}
 *   - erase-nvram               # the NVRAM wiped, as a faulty product's host does
 *   - expect-checks: {CT-6: fail, rest: [pass, not-observed]}   # certification verdicts of the module's IMEI
 * </pre>
 * {@code product: FILE} names the product declaration the checks judge by, relative to the scenario's directory
 * (examples/product.yaml documents one).
 * A step acts on the only module, or on the one named with {@code module: NAME}; {@code power-cycle},
 * {@code firmware}, {@code fault} and {@code clear-faults} act on every module with {@code module: all} (a FOTA wave,
 * a platform outage as a {@code drop} fault of both services, loss or duplication on every module).
 */
public final class ScenarioParser {

    private static final String DEFAULT_UNIT = "unit";
    /** In the order the docs list them, which error messages keep. */
    private static final List<String> STEP_KINDS = List.of("at", "advance", "power-cycle", "sim", "firmware", "fault",
            "clear-faults", "network", "expect-module", "expect-platform", "erase-nvram", "expect-checks");
    /** The steps {@code module: all} may apply to every module at once: a FOTA wave, a storm of faults. */
    private static final List<String> EVERY_MODULE_KINDS = List.of("power-cycle", "firmware", "fault", "clear-faults");
    private static final List<String> FAULT_KEYS = List.of("service", "mode", "count", "probability", "seconds");
    private static final List<String> SIM_KEYS = List.of("imsi", "iccid");
    private static final List<String> NETWORK_KEYS = List.of("registration", "reject-cause", "attach", "signal", "psm");

    private ScenarioParser() {
    }

    /**
     * Parses a scenario; {@code source} names the file in error messages, and its directory is where a relative
     * {@code product} file is found.
     */
    public static Scenario parse(String yaml, String source) {
        Object document;
        try {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String place = mark == null ? source : source + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
            throw new ScenarioException(place + ": not YAML: " + firstLine(e.getProblem() != null ? e.getProblem()
                    : e.getMessage()));
        } catch (YAMLException e) {
            throw new ScenarioException(source + ": not YAML: " + firstLine(e.getMessage()));
        }
        Map<String, Object> root = map(document, source);
        String name = String.valueOf(root.getOrDefault("name", source));
        Map<String, ModuleProfile> units = units(root.get("modules"), source);
        List<String> dmApps = new ArrayList<>();
        if (root.get("platform") != null) {
            Object apps = map(root.get("platform"), source + " platform").get("dm-apps");
            if (apps != null) {
                list(apps, source + " dm-apps").forEach(app -> dmApps.add(String.valueOf(app)));
            }
        }
        List<Step> steps = new ArrayList<>();
        List<Object> items = list(root.get("steps"), source + " steps");
        for (int i = 0; i < items.size(); i++) {
            steps.add(step(items.get(i), units, source + " step " + (i + 1)));
        }
        return new Scenario(name, units, dmApps, steps, product(root.get("product"), source));
    }

    private static Product product(Object file, String source) {
        if (file == null) {
            return Product.UNDECLARED;
        }
        Path directory = Path.of(source).toAbsolutePath().getParent();
        try {
            return ProductFile.read(directory.resolve(String.valueOf(file)));
        } catch (ProductFileException e) {
            throw new ScenarioException(source + " product: " + e.getMessage());
        }
    }

    private static Map<String, ModuleProfile> units(Object modules, String source) {
        Map<String, ModuleProfile> units = new LinkedHashMap<>();
        if (modules == null) {
            units.put(DEFAULT_UNIT, ModuleProfile.standard());
            return units;
        }
        map(modules, source + " modules").forEach((unit, spec) -> {
            ModuleProfile profile = ModuleProfile.standard();
            Map<String, Object> fields = spec == null ? Map.of() : map(spec, source + " module " + unit);
            try {
                for (Map.Entry<String, Object> field : fields.entrySet()) {
                    String value = String.valueOf(field.getValue());
                    profile = switch (field.getKey()) {
                        case "sim" -> profile.withSim(sim(field.getValue(), source + " module " + unit));
                        case "imei" -> profile.withImei(value);
                        case "firmware" -> profile.withFirmware(value);
                        case "ct-model" -> profile.withCtModel(value);
                        default -> throw new ScenarioException(source + " module " + unit + ": unknown field '"
                                + field.getKey() + "' (sim, imei, firmware, ct-model)");
                    };
                }
            } catch (IllegalArgumentException e) {
                throw new ScenarioException(source + " module " + unit + ": " + e.getMessage());
            }
            units.put(unit, profile);
        });
        return units;
    }

    private static Step step(Object item, Map<String, ModuleProfile> units, String where) {
        Map<String, Object> fields;
        if (item instanceof String word) {
            fields = new LinkedHashMap<>();
            fields.put(word, null);
        } else {
            fields = new LinkedHashMap<>(map(item, where));
        }
        String named = fields.containsKey("module") ? String.valueOf(fields.remove("module")) : null;
        boolean everyModule = Steps.EVERY_MODULE.equals(named) && !units.containsKey(named);
        if (named != null && !units.containsKey(named) && !everyModule) {
            throw new ScenarioException(where + ": no module named " + named);
        }
        Object expect = fields.remove("expect");
        List<String> kinds = fields.keySet().stream().filter(STEP_KINDS::contains).toList();
        if (kinds.size() != 1 || fields.size() != 1) {
            throw new ScenarioException(where + ": a step is one of " + STEP_KINDS + " (found " + fields.keySet() + ")");
        }
        String kind = kinds.get(0);
        Object value = fields.get(kind);
        if (everyModule && !EVERY_MODULE_KINDS.contains(kind)) {
            throw new ScenarioException(where + ": 'module: " + Steps.EVERY_MODULE + "' goes with "
                    + String.join(", ", EVERY_MODULE_KINDS) + ", not " + kind);
        }
        if (expect != null && !kind.equals("at")) {
            throw new ScenarioException(where + ": 'expect' goes with 'at'");
        }
        String unit = named != null || actsOnTheLab(kind, value) ? named : onlyUnit(units, where);
        try {
            return switch (kind) {
                case "at" -> new Steps.At(unit, String.valueOf(value), expect == null ? List.of()
                        : expect instanceof List<?> lines ? lines.stream().map(String::valueOf).toList()
                        : List.of(String.valueOf(expect)));
                case "advance" -> new Steps.Advance(Durations.parse(String.valueOf(value)));
                case "power-cycle" -> new Steps.PowerCycle(unit);
                case "sim" -> new Steps.SimSwap(unit, sim(value, where));
                case "firmware" -> new Steps.Firmware(unit, String.valueOf(value));
                case "fault" -> new Steps.Fault(unit, Optional.of(fault(known(map(value, where), FAULT_KEYS, "fault"),
                        where)));
                case "clear-faults" -> new Steps.Fault(unit, Optional.empty());
                case "network" -> network(unit, known(map(value, where), NETWORK_KEYS, "network"));
                case "expect-module" -> new Steps.ExpectModule(unit, map(value, where));
                case "erase-nvram" -> new Steps.EraseNvram(unit);
                case "expect-checks" -> Steps.ExpectChecks.of(unit == null ? null : units.get(unit).imei(),
                        map(value, where));
                default -> new Steps.ExpectPlatform(map(value, where));
            };
        } catch (IllegalArgumentException | ScenarioException e) {
            throw new ScenarioException(where + ": " + e.getMessage());
        }
    }

    /** The clock, the platform's records and a named device's checks belong to the lab, not to one module. */
    private static boolean actsOnTheLab(String kind, Object value) {
        return kind.equals("advance") || kind.equals("expect-platform")
                || kind.equals("expect-checks") && Steps.ExpectChecks.namesItsDevice(value);
    }

    private static String onlyUnit(Map<String, ModuleProfile> units, String where) {
        if (units.size() != 1) {
            throw new ScenarioException(where + ": say which module with 'module: NAME' (there are " + units.keySet() + ")");
        }
        return units.keySet().iterator().next();
    }

    /** {@code ct}, {@code cmcc}, {@code none}, or {@code {imsi, iccid}}. */
    private static Optional<Sim> sim(Object value, String where) {
        if (value instanceof Map<?, ?> card) {
            known(map(card, where), SIM_KEYS, "sim");
            return Optional.of(new Sim(String.valueOf(card.get("imsi")), String.valueOf(card.get("iccid"))));
        }
        return switch (String.valueOf(value)) {
            case "ct" -> Optional.of(Sim.CHINA_TELECOM);
            case "cmcc" -> Optional.of(Sim.CHINA_MOBILE);
            case "none" -> Optional.empty();
            default -> throw new ScenarioException(where + ": sim is ct, cmcc, none or {imsi, iccid}, not " + value);
        };
    }

    private static NetworkFault fault(Map<String, Object> spec, String where) {
        LabService service = LabService.ofLabel(String.valueOf(spec.get("service")))
                .orElseThrow(() -> new ScenarioException(where + ": fault service is ct or dm"));
        NetworkFault.Mode mode = NetworkFault.Mode.ofLabel(String.valueOf(spec.get("mode")))
                .orElseThrow(() -> new ScenarioException(where + ": unknown fault mode " + spec.get("mode")));
        OptionalInt count = spec.get("count") instanceof Number n ? OptionalInt.of(n.intValue()) : OptionalInt.empty();
        OptionalDouble probability = spec.get("probability") instanceof Number p
                ? OptionalDouble.of(p.doubleValue()) : OptionalDouble.empty();
        Optional<Duration> seconds = spec.get("seconds") instanceof Number s
                ? Optional.of(Duration.ofNanos(Math.round(s.doubleValue() * 1e9))) : Optional.empty();
        return new NetworkFault(service, mode, count, probability, seconds);
    }

    /** A change of the network conditions, checked against their ranges before the first step runs. */
    private static Steps.Network network(String unit, Map<String, Object> spec) {
        Optional<NetworkConditions.Availability> registration = Optional.empty();
        if (spec.containsKey("registration")) {
            String label = String.valueOf(spec.get("registration"));
            registration = Optional.of(NetworkConditions.Availability.ofLabel(label).orElseThrow(() -> new ScenarioException(
                    "network registration is available, denied or lost, not " + label)));
        }
        OptionalInt rejectCause = spec.containsKey("reject-cause")
                ? OptionalInt.of(whole(spec.get("reject-cause"), "network reject-cause")) : OptionalInt.empty();
        Optional<Duration> attach = spec.containsKey("attach")
                ? Optional.of(Durations.parse(String.valueOf(spec.get("attach")))) : Optional.empty();
        Map<String, Integer> signal = new LinkedHashMap<>();
        if (spec.containsKey("signal")) {
            known(map(spec.get("signal"), "network signal"), RadioSignal.FIELDS, "network signal")
                    .forEach((field, number) -> signal.put(field, whole(number, "network signal " + field)));
        }
        Optional<PsmGrant> psm = spec.containsKey("psm") ? Optional.of(psmGrant(spec.get("psm"))) : Optional.empty();
        Steps.Network step = new Steps.Network(unit, registration, rejectCause, attach, signal, psm);
        step.applyTo(NetworkConditions.standard(ModuleProfile.standard())); // out-of-range values fail now
        return step;
    }

    /** {@code requested}, {@code refused}, or {@code {active-time: "00100001", periodic-tau: "00000101"}}. */
    private static PsmGrant psmGrant(Object value) {
        String expected = "network psm is requested, refused or {active-time: \"<8 bits>\", periodic-tau: \"<8 bits>\"}, not ";
        if (value instanceof String label) {
            return PsmGrant.ofLabel(label).orElseThrow(() -> new ScenarioException(expected + label));
        }
        Map<String, Object> timers = known(map(value, "network psm"), List.of("active-time", "periodic-tau"), "network psm");
        if (!(timers.get("active-time") instanceof String active) || !(timers.get("periodic-tau") instanceof String tau)) {
            throw new ScenarioException(expected + value);
        }
        try {
            return PsmGrant.timers(new PsmTimers(active, tau));
        } catch (IllegalArgumentException e) {
            throw new ScenarioException("network psm: " + e.getMessage());
        }
    }

    private static int whole(Object value, String what) {
        if (!(value instanceof Integer number)) {
            throw new ScenarioException(what + " must be a whole number, not " + value);
        }
        return number;
    }

    /** {@code fields}, once every key is one of {@code keys}: a misspelt key is caught before the first step runs. */
    static Map<String, Object> known(Map<String, Object> fields, List<String> keys, String what) {
        for (String key : fields.keySet()) {
            if (!keys.contains(key)) {
                throw new ScenarioException(what + " has no '" + key + "' (use " + String.join(", ", keys) + ")");
            }
        }
        return fields;
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("").trim();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String where) {
        if (!(value instanceof Map<?, ?>)) {
            throw new ScenarioException(where + ": expected a mapping (key: value)");
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value, String where) {
        if (!(value instanceof List<?>)) {
            throw new ScenarioException(where + ": expected a list (- item)");
        }
        return (List<Object>) value;
    }
}
