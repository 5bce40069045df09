package dev.selfreg.module.at;

import dev.selfreg.at.Args;
import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtResponse;
import dev.selfreg.at.Param;
import dev.selfreg.at.Signature;
import dev.selfreg.module.Bc260yModule;

/** {@code AT+CFUN}: radio on (1, the module attaches) or off (0, it detaches). */
final class CfunCommand extends AtCommand<Bc260yModule> {

    private final Signature signature = Signature.of(Param.integer("fun", 0, 1));

    CfunCommand() {
        super("+CFUN");
    }

    @Override
    public Signature signature() {
        return signature;
    }

    @Override
    public AtResponse set(Bc260yModule module, Args args) {
        int fun = args.integer("fun");
        return AtResponse.ok().then(() -> module.setRadio(fun)); // a +CEREG report follows the OK
    }

    @Override
    public AtResponse query(Bc260yModule module) {
        return AtResponse.ok("+CFUN: " + module.radio());
    }

    @Override
    public AtResponse test(Bc260yModule module) {
        return testFromSignature();
    }
}
