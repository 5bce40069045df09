package dev.selfreg.module.at;

import dev.selfreg.at.Args;
import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtResponse;
import dev.selfreg.at.Param;
import dev.selfreg.at.Signature;

/** {@code AT+QRST=1}: answers {@code OK}, then reboots. */
final class QrstCommand extends AtCommand<AtContext> {

    private final Signature signature = Signature.of(Param.integer("mode", 1, 1));

    QrstCommand() {
        super("+QRST");
    }

    @Override
    public Signature signature() {
        return signature;
    }

    @Override
    public AtResponse set(AtContext module, Args args) {
        return AtResponse.ok().then(module::reboot);
    }

    @Override
    public AtResponse test(AtContext module) {
        return testFromSignature();
    }
}
