package dev.selfreg.at;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The parameter list of a set command, declared once. Either a fixed list of parameters
 * (optional ones may be omitted, and trailing ones left out), or a selector parameter whose
 * value picks the list that follows, as in {@code AT+QDMPCFG=<type>,...} where each type has
 * its own parameters.
 */
public final class Signature {

    private final List<Param> params;
    private final Param.IntParam selector;
    private final Map<Long, Signature> branches;

    private Signature(List<Param> params, Param.IntParam selector, Map<Long, Signature> branches) {
        this.params = params;
        this.selector = selector;
        this.branches = branches;
    }

    /** A fixed parameter list. */
    public static Signature of(Param... params) {
        return new Signature(List.of(params), null, Map.of());
    }

    /**
     * A selector, then the list chosen by its value. A value with no branch (a reserved one)
     * is an incorrect parameter.
     */
    public static Signature select(Param.IntParam selector, Map<Integer, Signature> branches) {
        if (branches.isEmpty()) {
            throw new IllegalArgumentException(selector.name() + " selects no parameter list");
        }
        Map<Long, Signature> byValue = new HashMap<>();
        branches.forEach((value, branch) -> byValue.put(value.longValue(), branch));
        return new Signature(List.of(), selector, Map.copyOf(byValue));
    }

    /**
     * The values the parameters take, as the test form shows them after {@code +CMD: }: each
     * parameter's in turn, e.g. {@code (0-2)}, {@code (0,1),<name>}. A selector shows the values
     * it has a branch for, e.g. {@code (0-2,4)}, followed by what every branch shows alike (the
     * ranges that come next whatever the value), and nothing further where branches differ.
     */
    public String ranges() {
        if (selector == null) {
            return params.stream().map(Param::testForm).collect(Collectors.joining(","));
        }
        List<String> shared = branches.values().stream().map(Signature::ranges).distinct().toList();
        String values = "(" + selectorValues() + ")";
        return shared.size() == 1 && !shared.get(0).isEmpty() ? values + "," + shared.get(0) : values;
    }

    /**
     * The test form of a selector, one line per value it has a branch for: the value, then that
     * branch's {@link #ranges()}, e.g. {@code 1,<serverIP>,(1-65535)}, or the value alone.
     *
     * @throws IllegalStateException when this is a fixed parameter list
     */
    public List<String> rangesBySelectorValue() {
        if (selector == null) {
            throw new IllegalStateException("a fixed parameter list has no selector");
        }
        return branches.keySet().stream().sorted().map(value -> {
            String ranges = branches.get(value).ranges();
            return ranges.isEmpty() ? Long.toString(value) : value + "," + ranges;
        }).toList();
    }

    /** The selector's values with a branch, in runs: {@code 0-2,4}. */
    private String selectorValues() {
        List<Long> values = branches.keySet().stream().sorted().toList();
        List<String> runs = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= values.size(); i++) {
            if (i == values.size() || values.get(i) - values.get(i - 1) != 1) {
                runs.add(Param.run(values.get(start), values.get(i - 1)));
                start = i;
            }
        }
        return String.join(",", runs);
    }

    /**
     * Checks {@code raw} against this signature.
     *
     * @throws AtException with {@link dev.selfreg.vocabulary.CmeError#INCORRECT_PARAMETERS} when it does not fit
     */
    public Args bind(List<AtArg> raw) {
        Map<String, Object> values = new HashMap<>();
        bind(raw, 0, values);
        return new Args(values);
    }

    private void bind(List<AtArg> raw, int from, Map<String, Object> values) {
        if (selector != null) {
            if (from >= raw.size() || raw.get(from).isOmitted()) {
                throw AtException.incorrectParameters(selector.name() + " missing");
            }
            long value = selector.bind(raw.get(from));
            Signature branch = branches.get(value);
            if (branch == null) {
                throw AtException.incorrectParameters(selector.name() + " " + value + " is reserved");
            }
            values.put(selector.name(), value);
            branch.bind(raw, from + 1, values);
            return;
        }
        if (raw.size() - from > params.size()) {
            throw AtException.incorrectParameters("too many parameters");
        }
        for (int i = 0; i < params.size(); i++) {
            Param param = params.get(i);
            AtArg arg = from + i < raw.size() ? raw.get(from + i) : AtArg.omitted();
            if (arg.isOmitted()) {
                if (!param.isOptional()) {
                    throw AtException.incorrectParameters(param.name() + " missing");
                }
            } else {
                values.put(param.name(), param.bind(arg));
            }
        }
    }
}
