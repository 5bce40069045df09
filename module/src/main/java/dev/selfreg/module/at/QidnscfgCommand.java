package dev.selfreg.module.at;

import dev.selfreg.at.Args;
import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtResponse;
import dev.selfreg.at.Param;
import dev.selfreg.at.Signature;
import dev.selfreg.module.Bc260yFacts;
import dev.selfreg.module.network.Loopback;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code AT+QIDNSCFG}: the DNS servers, in the BC260Y-CN's syntax, without a context id (research
 * §2 AT+QIDNSCFG, the 260Y build's {@code at_QIDNSCFG_req2}): {@code =<pri>[,<sec>]}, each an
 * IPv4 or IPv6 address of up to 51 characters, quoted or not; in force until the next boot (that
 * build does not save it). The read form shows four servers,
 * {@code +QIDNSCFG: "<pri4>","<sec4>","<pri6>","<sec6>"}: the addresses set, each in its family's
 * pair, or while none is set the network's; an unknown one empty (<b>Interpretation</b>). The lab
 * resolves names itself whatever the servers are. A malformed address is a parameter error
 * (<b>Interpretation</b>: the real module answers a TCP/IP error whose number is not known).
 */
class QidnscfgCommand extends AtCommand<AtContext> {

    private final Signature signature = Signature.of(address("pri"), address("sec").optional());

    QidnscfgCommand() {
        super("+QIDNSCFG");
    }

    /** An IPv4 or IPv6 address of up to 51 characters, quoted or not. */
    static Param.StringParam address(String name) {
        return Param.string(name, 1, Bc260yFacts.DNS_ADDRESS_MAX, Param.Quoting.OPTIONAL)
                .matching(Loopback::isAddress, "an IPv4 or IPv6 address");
    }

    @Override
    public Signature signature() {
        return signature;
    }

    @Override
    public AtResponse set(AtContext module, Args args) {
        module.attach().setDnsServers(args.string("pri"), args.optionalString("sec"));
        return AtResponse.ok();
    }

    @Override
    public AtResponse query(AtContext module) {
        return AtResponse.ok("+QIDNSCFG: " + pair(servers(module, false)) + "," + pair(servers(module, true)));
    }

    /** The DNS servers of one family, primary first. */
    static List<String> servers(AtContext module, boolean ipv6) {
        List<String> servers = new ArrayList<>();
        for (String server : module.attach().dnsServers()) {
            if ((server.indexOf(':') >= 0) == ipv6) {
                servers.add(server);
            }
        }
        return servers;
    }

    /** The 260Y build's test answer, names rather than ranges. */
    @Override
    public AtResponse test(AtContext module) {
        return AtResponse.ok("+QIDNSCFG: <PrimaryDns>[,<SecondaryDns>]");
    }

    /** {@code "<primary>","<secondary>"}, an unknown one empty. */
    static String pair(List<String> servers) {
        return "\"" + (servers.size() > 0 ? servers.get(0) : "") + "\",\"" + (servers.size() > 1 ? servers.get(1) : "") + "\"";
    }
}
