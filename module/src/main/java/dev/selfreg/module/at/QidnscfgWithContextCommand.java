package dev.selfreg.module.at;

import dev.selfreg.at.Args;
import dev.selfreg.at.AtException;
import dev.selfreg.at.AtResponse;
import dev.selfreg.at.Param;
import dev.selfreg.at.Signature;
import dev.selfreg.module.Bc260yFacts;
import dev.selfreg.module.network.Loopback;
import java.util.Optional;

/**
 * {@code AT+QIDNSCFG} in BC26-compat: the BC260Y-CN's forms ({@link QidnscfgCommand}) and the
 * BC26's, whose first parameter is the context id (research §2 AT+QIDNSCFG; RT-Thread sends
 * {@code AT+QIDNSCFG=1} and parses {@code +QIDNSCFG: 1,"%[^"]","%[^"]"}):
 * {@code =<cid>} answers {@code +QIDNSCFG: <cid>,"<pri>","<sec>"} (the IPv4 servers), and
 * {@code =<cid>,<pri>[,<sec>]} sets them. Only the BC26 default context's cid
 * ({@link DefaultContext}) is taken. The BC26 form is noticed in the log once: a real
 * BC260Y-CN answers it {@code ERROR}.
 */
final class QidnscfgWithContextCommand extends QidnscfgCommand {

    private final Signature signature = Signature.of(
            Param.string("first", 1, Bc260yFacts.DNS_ADDRESS_MAX, Param.Quoting.OPTIONAL),
            address("second").optional(), address("third").optional());
    private final DefaultContext context;
    private final Bc26Notice notice = Bc26Notice.ofFormat(
            "AT+QIDNSCFG=<contextID>,... is the BC26 syntax; a real BC260Y-CN answers ERROR (it takes no context id)");

    QidnscfgWithContextCommand(DefaultContext context) {
        this.context = context;
    }

    @Override
    public Signature signature() {
        return signature;
    }

    @Override
    public AtResponse set(AtContext module, Args args) {
        String first = args.string("first");
        Optional<String> second = args.optionalString("second");
        Optional<String> third = args.optionalString("third");
        if (!first.chars().allMatch(Character::isDigit)) {
            if (!Loopback.isAddress(first) || third.isPresent()) {
                throw AtException.incorrectParameters("neither a context id nor one or two DNS addresses");
            }
            module.attach().setDnsServers(first, second);
            return AtResponse.ok();
        }
        if (!first.equals(Integer.toString(context.cid()))) {
            throw AtException.incorrectParameters("context id " + first + " is not defined");
        }
        notice.tell(module);
        if (second.isEmpty()) {
            return AtResponse.ok("+QIDNSCFG: " + context.cid() + "," + pair(servers(module, false)));
        }
        module.attach().setDnsServers(second.get(), third);
        return AtResponse.ok();
    }
}
