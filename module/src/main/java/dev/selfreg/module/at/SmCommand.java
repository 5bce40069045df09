package dev.selfreg.module.at;

import dev.selfreg.at.Args;
import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtResponse;
import dev.selfreg.at.Param;
import dev.selfreg.at.Param.Quoting;
import dev.selfreg.at.Signature;
import java.util.Set;

/**
 * {@code AT+SM=LOCK|UNLOCK} (BC26 compat only: no XinYi build has it, research §2 and §6, TobudOS
 * and Haijie-Lee's BC26 drivers send it first): {@code LOCK} forbids deep sleep until
 * {@code UNLOCK}, which lets the module sleep again by the usual rules. <b>Interpretation</b>: the
 * lock is kept in RAM, so a boot ends it; the words are upper case, quoted or not; the read and
 * test forms, which no source shows, answer as a form the command lacks.
 */
final class SmCommand extends AtCommand<AtContext> {

    private static final String LOCK = "LOCK";
    private static final String UNLOCK = "UNLOCK";

    private final Signature signature = Signature.of(Param.string("mode", 1, UNLOCK.length(), Quoting.OPTIONAL)
            .matching(Set.of(LOCK, UNLOCK)::contains, LOCK + " or " + UNLOCK));

    SmCommand() {
        super("+SM");
    }

    @Override
    public Signature signature() {
        return signature;
    }

    @Override
    public AtResponse set(AtContext module, Args args) {
        boolean lock = args.string("mode").equals(LOCK);
        return AtResponse.ok().then(lock ? module.sleep()::lockSleepByHost : module.sleep()::unlockSleepByHost);
    }
}
