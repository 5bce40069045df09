package dev.selfreg.module.at;

import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtResponse;

/**
 * {@code AT+QRELLOCK} (BC26 compat only: no XinYi build has it, research §2): the host releases
 * its sleep lock, so the sleep lock time after its last byte ends at once and the module may deep
 * sleep as soon as the radio lets it.
 */
final class QrellockCommand extends AtCommand<AtContext> {

    QrellockCommand() {
        super("+QRELLOCK");
    }

    @Override
    public AtResponse execute(AtContext module) {
        return AtResponse.ok().then(module.sleep()::releaseSleepLock);
    }
}
