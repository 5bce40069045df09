package dev.selfreg.at;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        Map<Long, Signature> byValue = new HashMap<>();
        branches.forEach((value, branch) -> byValue.put(value.longValue(), branch));
        return new Signature(List.of(), selector, Map.copyOf(byValue));
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
