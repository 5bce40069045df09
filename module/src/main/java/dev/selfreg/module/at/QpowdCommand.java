package dev.selfreg.module.at;

import dev.selfreg.at.Args;
import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtResponse;
import dev.selfreg.at.Param;
import dev.selfreg.at.Signature;

/**
 * {@code AT+QPOWD=<n>} as the XinYi BC25 build answers it (research AT+QPOWD): {@code OK}, then
 * 0 switches the module off at once, 1 prints {@code NORMAL POWER DOWN} and switches it off, 2
 * reboots it. Off, it stays off until power is applied again. Not a BC260Y-CN command.
 */
final class QpowdCommand extends AtCommand<AtContext> {

    private final Signature signature = Signature.of(Param.integer("n", 0, 2));

    QpowdCommand() {
        super("+QPOWD");
    }

    @Override
    public Signature signature() {
        return signature;
    }

    @Override
    public AtResponse set(AtContext module, Args args) {
        return switch (args.integer("n")) {
            case 0 -> AtResponse.ok().then(() -> module.powerOff(false));
            case 1 -> AtResponse.ok().then(() -> module.powerOff(true));
            default -> AtResponse.ok().then(module::reboot);
        };
    }

    @Override
    public AtResponse test(AtContext module) {
        return testFromSignature();
    }
}
