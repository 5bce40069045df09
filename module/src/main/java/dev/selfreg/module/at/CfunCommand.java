package dev.selfreg.module.at;

import dev.selfreg.at.Args;
import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtResponse;
import dev.selfreg.at.Param;
import dev.selfreg.at.Signature;

/** {@code AT+CFUN}: radio on (1, the module attaches) or off (0, it detaches). */
final class CfunCommand extends AtCommand<AtContext> {

    private final Signature signature = Signature.of(Param.integer("fun", 0, 1));

    CfunCommand() {
        super("+CFUN");
    }

    @Override
    public Signature signature() {
        return signature;
    }

    @Override
    public AtResponse set(AtContext module, Args args) {
        int fun = args.integer("fun");
        return AtResponse.ok().then(() -> module.attach().setRadio(fun)); // a +CEREG report follows the OK
    }

    @Override
    public AtResponse query(AtContext module) {
        return AtResponse.ok("+CFUN: " + module.attach().radio());
    }

    @Override
    public AtResponse test(AtContext module) {
        return testFromSignature();
    }
}
