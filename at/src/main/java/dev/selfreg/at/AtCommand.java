package dev.selfreg.at;

/**
 * One AT command, declared in one class: its name, the parameter shapes of its set form and
 * a handler per supported form. Forms a command does not override answer as not supported.
 *
 * @param <C> what the handlers act on (the emulated module)
 */
public abstract class AtCommand<C> {

    private final String name;

    /** @param name as typed after {@code AT}, e.g. {@code +QSREGENABLE} or {@code E} */
    protected AtCommand(String name) {
        this.name = name;
    }

    public final String name() {
        return name;
    }

    /** The parameters of the set form; null when the command has no set form. */
    public Signature signature() {
        return null;
    }

    public AtResponse test(C context) {
        throw AtException.notSupported(name + "=? not supported");
    }

    /** A test form read off {@link #signature()}: one line of its ranges, e.g. {@code +QSCLK: (0-2)}. */
    protected final AtResponse testFromSignature() {
        return AtResponse.ok(name + ": " + signature().ranges());
    }

    /**
     * A test form read off {@link #signature()}, a selector's: a line per selector value, e.g.
     * {@code +QDMPCFG: 0,(0,1)}.
     */
    protected final AtResponse testFromSignatureBySelectorValue() {
        return AtResponse.ok(signature().rangesBySelectorValue().stream().map(line -> name + ": " + line).toList());
    }

    public AtResponse query(C context) {
        throw AtException.notSupported(name + "? not supported");
    }

    /** Handles the set form with parameters already checked against {@link #signature()}. */
    public AtResponse set(C context, Args args) {
        throw AtException.notSupported(name + "= not supported");
    }

    public AtResponse execute(C context) {
        throw AtException.notSupported(name + " not supported");
    }
}
