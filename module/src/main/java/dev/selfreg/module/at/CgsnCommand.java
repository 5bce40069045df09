package dev.selfreg.module.at;

import dev.selfreg.at.Args;
import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtResponse;
import dev.selfreg.at.Param;
import dev.selfreg.at.Signature;
import dev.selfreg.module.Bc260yFacts;
import dev.selfreg.module.ModuleProfile;

/**
 * {@code AT+CGSN[=<snt>]} (TS 27.007 §7.1), as a real BC260Y-CN answers it: 0 the serial number
 * alone on its line, 1 {@code +CGSN: <IMEI>}, 2 {@code +CGSN: <IMEISV>}, 3 {@code +CGSN: <SVN>};
 * without {@code <snt>} as 0 (Interpretation, 27.007's default).
 */
final class CgsnCommand extends AtCommand<AtContext> {

    private final Signature signature = Signature.of(Param.integer("snt", 0, 3));

    CgsnCommand() {
        super("+CGSN");
    }

    @Override
    public Signature signature() {
        return signature;
    }

    @Override
    public AtResponse set(AtContext module, Args args) {
        ModuleProfile unit = module.profile();
        return switch (args.integer("snt")) {
            case 0 -> execute(module);
            case 1 -> AtResponse.ok("+CGSN: " + unit.imei());
            case 2 -> AtResponse.ok("+CGSN: " + unit.imeiSv());
            default -> AtResponse.ok("+CGSN: " + Bc260yFacts.SOFTWARE_VERSION_NUMBER);
        };
    }

    @Override
    public AtResponse execute(AtContext module) {
        return AtResponse.ok(module.profile().serialNumber());
    }

    @Override
    public AtResponse test(AtContext module) {
        return testFromSignature();
    }
}
