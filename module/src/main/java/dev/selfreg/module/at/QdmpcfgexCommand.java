package dev.selfreg.module.at;

import dev.selfreg.at.Args;
import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtResponse;
import dev.selfreg.at.Param;
import dev.selfreg.at.Param.Quoting;
import dev.selfreg.at.Signature;
import dev.selfreg.vocabulary.QdmpcfgexLine;
import dev.selfreg.vocabulary.TerminalInfoType;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code AT+QDMPCFGEX}: CMDMP v2.0 terminal information (seed 3.2.3). {@code <act>} 0 saves the
 * type's quoted strings, 1 reads them back (unset ones as {@code NULL}), 2 erases them. The
 * saved values become the running ones at the next boot.
 */
final class QdmpcfgexCommand extends AtCommand<AtContext> {

    private final Signature signature;

    QdmpcfgexCommand() {
        super("+QDMPCFGEX");
        Map<Integer, Signature> byType = new HashMap<>();
        for (TerminalInfoType type : TerminalInfoType.values()) {
            Param[] fields = type.fields().stream()
                    .map(field -> Param.string(field.seedName(), 0, field.maxBytes(), Quoting.REQUIRED))
                    .toArray(Param[]::new);
            byType.put(type.code(), Signature.select(Param.integer("act", 0, 2),
                    Map.of(0, Signature.of(fields), 1, Signature.of(), 2, Signature.of())));
        }
        signature = Signature.select(Param.integer("type", 0, 5), byType);
    }

    @Override
    public Signature signature() {
        return signature;
    }

    @Override
    public AtResponse set(AtContext module, Args args) {
        TerminalInfoType type = TerminalInfoType.of(args.integer("type")).orElseThrow();
        var saved = module.saved();
        switch (args.integer("act")) {
            case 0 -> saved.saveTerminalInfo(type,
                    type.fields().stream().map(field -> args.string(field.seedName())).toList());
            case 1 -> {
                return AtResponse.ok(new QdmpcfgexLine(type, saved.terminalInfo().values(type)).format());
            }
            default -> saved.eraseTerminalInfo(type);
        }
        return AtResponse.ok();
    }

    /** Not in the seed; spec §5 Interpretation. */
    @Override
    public AtResponse test(AtContext module) {
        return testFromSignature();
    }
}
