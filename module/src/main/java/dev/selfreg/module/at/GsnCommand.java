package dev.selfreg.module.at;

import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtResponse;

/**
 * {@code AT+GSN} (BC26; V.25ter product serial number): the IMEI alone on its line. The
 * BC260Y-CN does not have it (research: absent from every XinYi command table); BC26 drivers
 * read the IMEI from it.
 */
final class GsnCommand extends AtCommand<AtContext> {

    GsnCommand() {
        super("+GSN");
    }

    @Override
    public AtResponse execute(AtContext module) {
        return AtResponse.ok(module.profile().imei());
    }

    @Override
    public AtResponse test(AtContext module) {
        return AtResponse.ok();
    }
}
