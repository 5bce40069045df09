package dev.selfreg.at;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The commands a terminal adapter answers, by name (case-insensitive). */
public final class AtCommandSet<C> {

    private final Map<String, AtCommand<? super C>> commands = new LinkedHashMap<>();

    /** Adds a command; a name may be declared once. */
    public AtCommandSet<C> add(AtCommand<? super C> command) {
        String key = command.name().toUpperCase(Locale.ROOT);
        if (commands.putIfAbsent(key, command) != null) {
            throw new IllegalArgumentException("command declared twice: " + command.name());
        }
        return this;
    }

    /** The command of that (upper-case) name, or null. */
    AtCommand<? super C> find(String upperCaseName) {
        return commands.get(upperCaseName);
    }

    public Collection<AtCommand<? super C>> all() {
        return commands.values();
    }
}
