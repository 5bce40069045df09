package dev.selfreg.module.at;

import dev.selfreg.at.Args;
import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtResponse;
import dev.selfreg.at.Param;
import dev.selfreg.at.Signature;

/**
 * {@code AT+CEREG}: network registration. {@code <n>} 0 (default) or 1, which adds the
 * unsolicited {@code +CEREG: <stat>} on every change; the location forms 2-5 are not emulated.
 */
final class CeregCommand extends AtCommand<AtContext> {

    private final Signature signature = Signature.of(Param.integer("n", 0, 1));

    CeregCommand() {
        super("+CEREG");
    }

    @Override
    public Signature signature() {
        return signature;
    }

    @Override
    public AtResponse set(AtContext module, Args args) {
        module.attach().setCeregReporting(args.integer("n"));
        return AtResponse.ok();
    }

    @Override
    public AtResponse query(AtContext module) {
        return AtResponse.ok("+CEREG: " + module.attach().ceregReporting() + "," + module.attach().registration().stat());
    }

    @Override
    public AtResponse test(AtContext module) {
        return testFromSignature();
    }
}
