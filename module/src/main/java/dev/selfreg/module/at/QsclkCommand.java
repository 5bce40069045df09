package dev.selfreg.module.at;

import dev.selfreg.at.Args;
import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtResponse;
import dev.selfreg.at.Param;
import dev.selfreg.at.Signature;

/** {@code AT+QSCLK}: 0 never sleep, 1 light and deep sleep (default), 2 light sleep only. */
final class QsclkCommand extends AtCommand<AtContext> {

    private final Signature signature = Signature.of(Param.integer("mode", 0, 2));

    QsclkCommand() {
        super("+QSCLK");
    }

    @Override
    public Signature signature() {
        return signature;
    }

    @Override
    public AtResponse set(AtContext module, Args args) {
        module.sleep().setSleepMode(args.integer("mode"));
        return AtResponse.ok();
    }

    @Override
    public AtResponse query(AtContext module) {
        return AtResponse.ok("+QSCLK: " + module.saved().sleepMode());
    }

    @Override
    public AtResponse test(AtContext module) {
        return testFromSignature();
    }
}
