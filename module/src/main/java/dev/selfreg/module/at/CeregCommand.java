package dev.selfreg.module.at;

import dev.selfreg.at.Args;
import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtResponse;
import dev.selfreg.at.Param;
import dev.selfreg.at.Signature;
import dev.selfreg.module.Bc260yModule;

/**
 * {@code AT+CEREG}: network registration. {@code <n>} 0 (default) or 1, which adds the
 * unsolicited {@code +CEREG: <stat>} on every change; the location forms 2-5 are not emulated.
 */
final class CeregCommand extends AtCommand<Bc260yModule> {

    private final Signature signature = Signature.of(Param.integer("n", 0, 1));

    CeregCommand() {
        super("+CEREG");
    }

    @Override
    public Signature signature() {
        return signature;
    }

    @Override
    public AtResponse set(Bc260yModule module, Args args) {
        module.setCeregReporting(args.integer("n"));
        return AtResponse.ok();
    }

    @Override
    public AtResponse query(Bc260yModule module) {
        return AtResponse.ok("+CEREG: " + module.ceregReporting() + "," + module.registration().stat());
    }

    @Override
    public AtResponse test(Bc260yModule module) {
        return testFromSignature();
    }
}
