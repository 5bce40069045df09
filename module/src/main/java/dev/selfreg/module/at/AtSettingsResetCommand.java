package dev.selfreg.module.at;

import dev.selfreg.at.Args;
import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtResponse;
import dev.selfreg.at.Param;
import dev.selfreg.at.Signature;

/**
 * {@code ATZ} (reset to the stored profile) and {@code AT&F} (factory settings), with an optional
 * 0 (V.25ter §6.1.1, §6.1.2), as a BC26/BC66 answers them: {@code OK}, echo on and
 * {@code AT+CMEE=0} again. Neither is a BC260Y-CN command (research AT&amp;W, ATZ, AT&amp;F); the
 * NVRAM settings (the seed's, {@code AT+QSCLK}, {@code AT+IPR}) stay as they are (Interpretation).
 */
final class AtSettingsResetCommand extends AtCommand<AtContext> {

    private final Signature signature = Signature.of(Param.integer("profile", 0, 0));

    /** @param name {@code Z} or {@code &F} */
    AtSettingsResetCommand(String name) {
        super(name);
    }

    @Override
    public Signature signature() {
        return signature;
    }

    @Override
    public AtResponse execute(AtContext module) {
        module.restoreAtSettings();
        return AtResponse.ok();
    }

    @Override
    public AtResponse set(AtContext module, Args args) {
        return execute(module);
    }
}
