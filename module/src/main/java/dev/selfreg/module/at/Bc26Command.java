package dev.selfreg.module.at;

import dev.selfreg.at.Args;
import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtResponse;
import dev.selfreg.at.Signature;

/**
 * A BC26 command in the BC26-compat dialect: answered as {@code command} answers it, each form,
 * and noticed in the log the first time ({@link Bc26Notice}), since a real BC260Y-CN answers
 * {@code ERROR} to it.
 */
final class Bc26Command extends AtCommand<AtContext> {

    private final AtCommand<AtContext> command;
    private final Bc26Notice notice;

    Bc26Command(AtCommand<AtContext> command) {
        super(command.name());
        this.command = command;
        this.notice = Bc26Notice.ofCommand("AT" + command.name());
    }

    @Override
    public Signature signature() {
        return command.signature();
    }

    @Override
    public AtResponse test(AtContext module) {
        notice.tell(module);
        return command.test(module);
    }

    @Override
    public AtResponse query(AtContext module) {
        notice.tell(module);
        return command.query(module);
    }

    @Override
    public AtResponse set(AtContext module, Args args) {
        notice.tell(module);
        return command.set(module, args);
    }

    @Override
    public AtResponse execute(AtContext module) {
        notice.tell(module);
        return command.execute(module);
    }
}
