package dev.selfreg.module.at;

import dev.selfreg.at.Args;
import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtException;
import dev.selfreg.at.AtResponse;
import dev.selfreg.at.Param;
import dev.selfreg.at.Param.Quoting;
import dev.selfreg.at.Signature;
import dev.selfreg.module.Bc260yFacts;
import dev.selfreg.module.DefaultPdpContext;
import dev.selfreg.vocabulary.QdmpcfgLine;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code AT+QCGDEFCONT=<PDP_type>[,<APN>[,<username>[,<password>]]]}: the default PDP context the
 * module attaches with, in both dialects (research §2 AT+CGDCONT: both XinYi command tables have
 * it; XY-MG {@code at_QCGDEFCONT_req} gives the forms, limits and answers). The type is one of
 * {@link Bc260yFacts#DEFAULT_CONTEXT_PDP_TYPES}, spelt exactly; the APN up to 100 characters, the
 * credentials up to 16. The read form shows type and APN, then whichever credentials are set; the
 * password masked as every password the module shows (<b>Interpretation</b>: the clone prints it
 * in full). <b>Interpretation</b>: the context is saved to NVRAM (the clone hands it to
 * {@code AT+CGDCONT} for context 0, which its protocol stack keeps) and the emulated network
 * attaches the same whatever it says: the lab assigns an IPv4 address for every type.
 */
final class QcgdefcontCommand extends AtCommand<AtContext> {

    private final Signature signature = Signature.of(
            Param.string("PDP_type", 1, 6, Quoting.OPTIONAL)
                    .matching(Bc260yFacts.DEFAULT_CONTEXT_PDP_TYPES::contains, "one of " + Bc260yFacts.DEFAULT_CONTEXT_PDP_TYPES),
            Param.string("APN", 0, Bc260yFacts.DEFAULT_CONTEXT_APN_MAX, Quoting.OPTIONAL).optional(),
            Param.string("username", 0, Bc260yFacts.DEFAULT_CONTEXT_AUTH_MAX, Quoting.OPTIONAL).optional(),
            Param.string("password", 0, Bc260yFacts.DEFAULT_CONTEXT_AUTH_MAX, Quoting.OPTIONAL).optional());

    QcgdefcontCommand() {
        super("+QCGDEFCONT");
    }

    @Override
    public Signature signature() {
        return signature;
    }

    @Override
    public AtResponse set(AtContext module, Args args) {
        DefaultPdpContext context;
        try {
            context = new DefaultPdpContext(args.string("PDP_type"), args.optionalString("APN").orElse(""),
                    args.optionalString("username").orElse(""), args.optionalString("password").orElse(""));
        } catch (IllegalArgumentException e) {
            throw AtException.incorrectParameters(e.getMessage());
        }
        return AtResponse.ok().then(() -> module.saved().saveDefaultPdpContext(context));
    }

    @Override
    public AtResponse query(AtContext module) {
        DefaultPdpContext context = module.saved().defaultPdpContext();
        List<String> fields = new ArrayList<>(List.of(context.pdpType(), context.apn()));
        if (!context.username().isEmpty()) {
            fields.add(context.username());
        }
        if (!context.password().isEmpty()) {
            fields.add(QdmpcfgLine.Credentials.mask(context.password()));
        }
        return AtResponse.ok("+QCGDEFCONT: " + fields.stream().map(field -> "\"" + field + "\"").collect(Collectors.joining(",")));
    }

    @Override
    public AtResponse test(AtContext module) {
        return AtResponse.ok("+QCGDEFCONT: " + Bc260yFacts.DEFAULT_CONTEXT_PDP_TYPES.stream()
                .map(type -> "\"" + type + "\"").collect(Collectors.joining(",", "(", ")")));
    }
}
