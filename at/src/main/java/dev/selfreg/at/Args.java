package dev.selfreg.at;

import java.util.Map;
import java.util.Optional;

/** The checked parameters of a set command, by name; omitted optional ones are absent. */
public final class Args {

    private final Map<String, Object> values;

    Args(Map<String, Object> values) {
        this.values = Map.copyOf(values);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** A present integer parameter. */
    public int integer(String name) {
        return Math.toIntExact(longInteger(name));
    }

    /** A present integer parameter that may exceed {@code int} (periods in seconds). */
    public long longInteger(String name) {
        return (Long) require(name);
    }

    /** A present string parameter. */
    public String string(String name) {
        return (String) require(name);
    }

    public Optional<Long> optionalInteger(String name) {
        return Optional.ofNullable((Long) values.get(name));
    }

    public Optional<String> optionalString(String name) {
        return Optional.ofNullable((String) values.get(name));
    }

    private Object require(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalStateException("parameter " + name + " is not bound; declare it required");
        }
        return value;
    }
}
