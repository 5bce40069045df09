package dev.selfreg.checks;

import dev.selfreg.vocabulary.TerminalInfoField;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a product declaration (YAML; {@code examples/product.yaml} is the documented example):
 * <pre>
 * name: Smart meter M1
 * vendor-code: SRL          # China Telecom's code for the vendor, at most 3 characters
 * model: M1                 # MODEL must read SRL-M1
 * swver: BC260YCNAAR01A04   # SWVER as filed
 * retry-profile: nb-iot     # nb-iot (1 + 2 attempts per boot) or cat1 (1 + 10)
 * cmdmp:
 *   appkey: M100000000
 *   update-period: 86400    # seconds
 *   terminal-info:          # object 666, by the AT+QDMPCFGEX names
 *     required: [MAC, swVer]
 *     values: {swName: selfreg-meter}
 * </pre>
 * Every key is optional. A key the declaration does not have, a value of the wrong kind, or a repeated key is an
 * error naming the file and the line, so a misspelt key never passes for an undeclared one.
 */
public final class ProductFile {

    private static final List<String> TOP_KEYS = List.of("name", "vendor-code", "model", "swver", "retry-profile",
            "cmdmp");
    private static final List<String> CMDMP_KEYS = List.of("appkey", "update-period", "terminal-info");
    private static final List<String> TERMINAL_INFO_KEYS = List.of("required", "values");
    /** CT-3: China Telecom's vendor codes have at most 3 characters (ct-zzhc-wire.md, "MODEL"). */
    private static final int VENDOR_CODE_MAX = 3;

    private final String source;

    private ProductFile(String source) {
        this.source = source;
    }

    /**
     * Reads the declaration in {@code file}.
     *
     * @throws ProductFileException when the file cannot be read or is not a declaration
     */
    public static Product read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ProductFileException(file + ": no such product file");
        } catch (IOException e) {
            throw new ProductFileException(file + ": cannot read the product file (" + e.getMessage() + ")");
        }
        return parse(text, file.toString());
    }

    /**
     * Reads a declaration; {@code source} names it in messages.
     *
     * @throws ProductFileException when {@code yaml} is not a declaration
     */
    public static Product parse(String yaml, String source) {
        return new ProductFile(source).product(yaml);
    }

    private Product product(String yaml) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new ProductFileException((mark == null ? source : at(mark)) + ": not YAML: "
                    + firstLine(e.getProblem() != null ? e.getProblem() : e.getMessage()));
        } catch (YAMLException e) {
            throw new ProductFileException(source + ": not YAML: " + firstLine(e.getMessage()));
        }
        if (root == null) {
            throw new ProductFileException(source + ": empty product file (see examples/product.yaml)");
        }
        Map<String, NodeTuple> top = mapping(root, "the product file", TOP_KEYS);
        Map<String, NodeTuple> cmdmp = top.containsKey("cmdmp")
                ? mapping(value(top, "cmdmp"), "cmdmp", CMDMP_KEYS) : Map.of();
        Map<String, NodeTuple> info = cmdmp.containsKey("terminal-info")
                ? mapping(value(cmdmp, "terminal-info"), "terminal-info", TERMINAL_INFO_KEYS) : Map.of();
        Optional<String> vendorCode = text(top, "vendor-code");
        vendorCode.ifPresent(code -> {
            if (code.isEmpty() || code.length() > VENDOR_CODE_MAX || code.contains("-")) {
                throw error(value(top, "vendor-code"), "vendor-code is China Telecom's code for the vendor: 1 to "
                        + VENDOR_CODE_MAX + " characters without '-', not '" + code + "'");
            }
        });
        RetryProfile retry = text(top, "retry-profile").map(code -> RetryProfile.ofCode(code).orElseThrow(() ->
                error(value(top, "retry-profile"), "retry-profile is " + String.join(" or ",
                        Arrays.stream(RetryProfile.values()).map(RetryProfile::code).toList()) + ", not '" + code + "'")))
                .orElse(RetryProfile.NB_IOT);
        Set<TerminalInfoField> required = EnumSet.noneOf(TerminalInfoField.class);
        if (info.containsKey("required")) {
            for (Node item : sequence(value(info, "required"), "required")) {
                required.add(field(item, scalar(item, "a required object 666 value")));
            }
        }
        Map<TerminalInfoField, String> values = new EnumMap<>(TerminalInfoField.class);
        if (info.containsKey("values")) {
            for (NodeTuple value : mapping(value(info, "values"), "values", null).values()) {
                String name = scalar(value.getKeyNode(), "a key");
                values.put(field(value.getKeyNode(), name), scalar(value.getValueNode(), "the value of " + name));
            }
        }
        return new Product(text(top, "name").orElse(source), source, vendorCode, text(top, "model"),
                text(top, "swver"), retry, text(cmdmp, "appkey"), period(cmdmp), required, values);
    }

    private OptionalLong period(Map<String, NodeTuple> cmdmp) {
        Optional<String> text = text(cmdmp, "update-period");
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            long seconds = Long.parseLong(text.get());
            if (seconds > 0) {
                return OptionalLong.of(seconds);
            }
        } catch (NumberFormatException notANumber) {
            // the message below says what is expected
        }
        throw error(value(cmdmp, "update-period"), "update-period is a whole number of seconds, as AT+QDMPCFG=1 takes it,"
                + " not '" + text.get() + "'");
    }

    private TerminalInfoField field(Node where, String name) {
        return Arrays.stream(TerminalInfoField.values()).filter(f -> f.seedName().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> error(where, "object 666 has no value '" + name + "' (use " + String.join(", ",
                        Arrays.stream(TerminalInfoField.values()).map(TerminalInfoField::seedName).toList()) + ")"));
    }

    /** The keys of a mapping, each checked against {@code keys} (any key when null) and seen once. */
    private Map<String, NodeTuple> mapping(Node node, String what, List<String> keys) {
        if (!(node instanceof MappingNode map)) {
            throw error(node, what + " is a mapping (key: value)");
        }
        Map<String, NodeTuple> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            String key = scalar(tuple.getKeyNode(), "a key");
            if (keys != null && !keys.contains(key)) {
                throw error(tuple.getKeyNode(), "unknown key '" + key + "' in " + what + " (use " + String.join(", ", keys)
                        + ")");
            }
            if (fields.put(key, tuple) != null) {
                throw error(tuple.getKeyNode(), "'" + key + "' is given twice in " + what);
            }
        }
        return fields;
    }

    private List<Node> sequence(Node node, String what) {
        if (!(node instanceof SequenceNode list)) {
            throw error(node, what + " is a list ([a, b] or - items)");
        }
        return list.getValue();
    }

    private String scalar(Node node, String what) {
        if (!(node instanceof ScalarNode scalar)) {
            throw error(node, what + " is a single value, not a list or mapping");
        }
        return scalar.getValue();
    }

    private Optional<String> text(Map<String, NodeTuple> fields, String key) {
        return Optional.ofNullable(fields.get(key)).map(tuple -> scalar(tuple.getValueNode(), key));
    }

    private static Node value(Map<String, NodeTuple> fields, String key) {
        return fields.get(key).getValueNode();
    }

    private ProductFileException error(Node node, String message) {
        return new ProductFileException(at(node.getStartMark()) + ": " + message);
    }

    private String at(Mark mark) {
        return source + ":" + (mark.getLine() + 1);
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("").trim();
    }
}
