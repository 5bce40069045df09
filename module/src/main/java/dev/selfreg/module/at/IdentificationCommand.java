package dev.selfreg.module.at;

import dev.selfreg.at.Args;
import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtResponse;
import dev.selfreg.at.Param;
import dev.selfreg.at.Signature;
import dev.selfreg.module.Bc260yFacts;

/**
 * {@code ATI} (or {@code ATI0}): manufacturer, model and firmware revision, as a real
 * BC260Y-CN prints them ({@code Quectel_Ltd} / {@code Quectel_BC260Y-CN} / {@code Revision: ...}).
 */
final class IdentificationCommand extends AtCommand<AtContext> {

    private final Signature signature = Signature.of(Param.integer("value", 0, 0));

    IdentificationCommand() {
        super("I");
    }

    /** The revision line of ATI and AT+CGMR. */
    static String revision(AtContext module) {
        return Bc260yFacts.REVISION_PREFIX + module.profile().firmware();
    }

    @Override
    public Signature signature() {
        return signature;
    }

    @Override
    public AtResponse execute(AtContext module) {
        return AtResponse.ok(Bc260yFacts.AT_MANUFACTURER, Bc260yFacts.AT_MODEL, revision(module));
    }

    @Override
    public AtResponse set(AtContext module, Args args) {
        return execute(module);
    }
}
