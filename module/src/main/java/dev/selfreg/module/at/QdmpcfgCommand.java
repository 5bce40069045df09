package dev.selfreg.module.at;

import static dev.selfreg.module.Bc260yFacts.DM_STRING_MAX;
import static dev.selfreg.module.Bc260yFacts.TML_IMEI_MAX;
import static dev.selfreg.module.Bc260yFacts.TML_IMEI_MIN;
import static dev.selfreg.module.Bc260yFacts.TML_TYPE_MAX;
import static dev.selfreg.vocabulary.CarrierServers.DM_PERIOD_MAX;
import static dev.selfreg.vocabulary.CarrierServers.DM_PERIOD_MIN;
import static dev.selfreg.vocabulary.CarrierServers.DM_PORT_MAX;
import static dev.selfreg.vocabulary.CarrierServers.DM_PORT_MIN;

import dev.selfreg.at.Args;
import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtResponse;
import dev.selfreg.at.Param;
import dev.selfreg.at.Param.Quoting;
import dev.selfreg.at.Signature;
import dev.selfreg.module.DmConfig;
import dev.selfreg.vocabulary.DmGroup;
import dev.selfreg.vocabulary.DmState;
import dev.selfreg.vocabulary.QdmpcfgLine;
import dev.selfreg.vocabulary.TerminalType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code AT+QDMPCFG}: China Mobile CMDMP access configuration (seed 3.2.2). Types 0-2 save
 * settings, 4 shows what is saved, 5 erases it, 6 shows the access state; 3 is reserved. The
 * query shows the running configuration, which only a reboot replaces.
 */
final class QdmpcfgCommand extends AtCommand<AtContext> {

    private static final Signature NONE = Signature.of();

    private final Signature signature = Signature.select(Param.integer("type", 0, 6), Map.of(
            0, Signature.of(Param.integer("DM_Mode", 0, 1)),
            1, Signature.of(
                    Param.string("serverIP", 1, DM_STRING_MAX, Quoting.OPTIONAL),
                    Param.integer("server_Port", DM_PORT_MIN, DM_PORT_MAX).optional(),
                    Param.integer("update_Period", DM_PERIOD_MIN, DM_PERIOD_MAX).optional()),
            2, Signature.of(
                    Param.string("APPkey", 1, DM_STRING_MAX, Quoting.REQUIRED),
                    Param.string("password", 1, DM_STRING_MAX, Quoting.REQUIRED),
                    Param.integer("tmlType", 0, TML_TYPE_MAX).optional(),
                    Param.string("tmlIMEI", TML_IMEI_MIN, TML_IMEI_MAX, Quoting.OPTIONAL)
                            .matching(QdmpcfgCommand::isDigits, "digits").optional()),
            4, Signature.of(Param.integer("queryOpt", 0, 2)),
            5, Signature.select(Param.integer("eraseOpt", 0, DmGroup.ALL.code()), eraseOptions()),
            6, NONE));

    QdmpcfgCommand() {
        super("+QDMPCFG");
    }

    @Override
    public Signature signature() {
        return signature;
    }

    @Override
    public AtResponse set(AtContext module, Args args) {
        var saved = module.saved();
        switch (args.integer("type")) {
            case 0 -> saved.saveDmMode(args.integer("DM_Mode"));
            case 1 -> saved.saveDmServer(args.string("serverIP"),
                    args.optionalInteger("server_Port"), args.optionalInteger("update_Period"));
            case 2 -> saved.saveDmCredentials(args.string("APPkey"), args.string("password"),
                    args.optionalInteger("tmlType").map(code -> TerminalType.of(code.intValue()).orElseThrow()),
                    args.optionalString("tmlIMEI"));
            case 4 -> {
                return AtResponse.ok(lines(saved.dm()).get(args.integer("queryOpt")));
            }
            case 5 -> saved.eraseDm(DmGroup.of(args.integer("eraseOpt")).orElseThrow());
            default -> {
                return AtResponse.ok(new QdmpcfgLine.State(new DmState(module.dmState())).format());
            }
        }
        return AtResponse.ok();
    }

    @Override
    public AtResponse query(AtContext module) {
        return AtResponse.ok(lines(module.running().orElseThrow().dm()));
    }

    /** The seed shows only the generic shape; these ranges are spec §4's Interpretation. */
    @Override
    public AtResponse test(AtContext module) {
        return testFromSignatureBySelectorValue();
    }

    /** The three configuration lines; strings unquoted, the password masked. */
    private static List<String> lines(DmConfig dm) {
        return List.of(
                new QdmpcfgLine.Mode(dm.mode()).format(),
                new QdmpcfgLine.Server(dm.server(), dm.port(), dm.updatePeriod()).format(),
                new QdmpcfgLine.Credentials(dm.appKey(), dm.maskedPassword(), dm.tmlType(), dm.tmlImei()).format());
    }

    /** Each {@code <eraseOpt>} that names a group takes nothing more; 3 is reserved. */
    private static Map<Integer, Signature> eraseOptions() {
        return Arrays.stream(DmGroup.values()).collect(Collectors.toMap(DmGroup::code, group -> NONE));
    }

    private static boolean isDigits(String text) {
        return text.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
