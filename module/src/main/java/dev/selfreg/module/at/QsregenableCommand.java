package dev.selfreg.module.at;

import dev.selfreg.at.Args;
import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtResponse;
import dev.selfreg.at.Param;
import dev.selfreg.at.Signature;

/**
 * {@code AT+QSREGENABLE}: enable or disable China Telecom self-registration (seed 3.2.1). Saved
 * at once, in force after reboot. The query reads NVRAM (spec §2 Interpretation), so it shows
 * 3 after the A03 to A04 FOTA while the running value keeps registration on.
 */
final class QsregenableCommand extends AtCommand<AtContext> {

    private final Signature signature = Signature.of(Param.integer("mode", 0, 1));

    QsregenableCommand() {
        super("+QSREGENABLE");
    }

    @Override
    public Signature signature() {
        return signature;
    }

    @Override
    public AtResponse set(AtContext module, Args args) {
        module.saved().saveQsregenable(args.integer("mode"));
        return AtResponse.ok();
    }

    @Override
    public AtResponse query(AtContext module) {
        return AtResponse.ok("+QSREGENABLE: " + module.saved().qsregenable());
    }

    @Override
    public AtResponse test(AtContext module) {
        return testFromSignature();
    }
}
