package dev.selfreg.module.at;

import dev.selfreg.module.AtDialect;
import dev.selfreg.module.Bc260yFacts;
import java.util.Optional;

/**
 * The default PDP context as the dialect shows it: the BC260Y-CN's is cid 0 with its address in
 * quotes ({@code +CGPADDR: 0,"100.67.249.195"}, research §2 AT+CGPADDR); the BC26's, which BC26
 * drivers ask for ({@code AT+CGPADDR=1}, {@code AT+QIDNSCFG=1}), is cid 1 with the address bare.
 * In BC26-compat the module logs once that a real BC260Y-CN shows neither.
 *
 * @param cid     the context id
 * @param quoted  whether {@code +CGPADDR} quotes the address
 * @param notice  told whenever the BC26 context is shown; empty for the BC260Y-CN's
 */
record DefaultContext(int cid, boolean quoted, Optional<Bc26Notice> notice) {

    /** The BC26's default context cid, the one BC26 drivers ask for (RT-Thread). */
    static final int BC26_CID = 1;

    /** A new one for a module of {@code dialect} (its notice is told once per module). */
    static DefaultContext of(AtDialect dialect) {
        if (dialect == AtDialect.BC26_COMPAT) {
            return new DefaultContext(BC26_CID, false, Optional.of(Bc26Notice.ofFormat(
                    "the default context cid 1 with a bare address is the BC26's; a real BC260Y-CN has cid 0 only,"
                            + " with its address in quotes")));
        }
        return new DefaultContext(Bc260yFacts.DEFAULT_CID, true, Optional.empty());
    }

    /** Marks that this context was shown to the host. */
    void shown(AtContext module) {
        notice.ifPresent(n -> n.tell(module));
    }
}
