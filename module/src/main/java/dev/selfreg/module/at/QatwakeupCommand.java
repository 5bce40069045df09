package dev.selfreg.module.at;

import dev.selfreg.at.Args;
import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtResponse;
import dev.selfreg.at.Param;
import dev.selfreg.at.Signature;

/**
 * {@code AT+QATWAKEUP} (BC26 compat only: the BC260Y-CN build of the vendor SDK has none, research
 * §2): 1 prints {@code +QATWAKEUP} after every wake-up from deep sleep, 0 (the default) not. Kept
 * across deep sleep, 0 again after a boot (BC25-SDK; saving it with {@code AT&W} is not emulated).
 */
final class QatwakeupCommand extends AtCommand<AtContext> {

    private final Signature signature = Signature.of(Param.integer("n", 0, 1));

    QatwakeupCommand() {
        super("+QATWAKEUP");
    }

    @Override
    public Signature signature() {
        return signature;
    }

    @Override
    public AtResponse set(AtContext module, Args args) {
        module.sleep().setWakeUpReport(args.integer("n"));
        return AtResponse.ok();
    }

    @Override
    public AtResponse query(AtContext module) {
        return AtResponse.ok("+QATWAKEUP: " + module.sleep().wakeUpReport());
    }

    @Override
    public AtResponse test(AtContext module) {
        return testFromSignature();
    }
}
