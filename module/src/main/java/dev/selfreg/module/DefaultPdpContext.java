package dev.selfreg.module;

import dev.selfreg.vocabulary.QdmpcfgLine;

/**
 * The default PDP context as {@code AT+QCGDEFCONT} sets it and NVRAM keeps it: what the module
 * asks the network for when it attaches (research §2 AT+CGDCONT; XY-MG {@code at_QCGDEFCONT_req},
 * which writes it as context 0 with {@code AT+CGDCONT} and its credentials with {@code AT+CGAUTH}).
 *
 * @param pdpType  one of {@link Bc260yFacts#DEFAULT_CONTEXT_PDP_TYPES}
 * @param apn      the access point name, empty for the network's
 * @param username the PDP authentication's username, empty for none
 * @param password the PDP authentication's password, empty for none; never shown in full
 */
public record DefaultPdpContext(String pdpType, String apn, String username, String password) {

    /** What a module that was never told has: type {@code IP}, the network's APN, no credentials. */
    public static final DefaultPdpContext STANDARD = new DefaultPdpContext(Bc260yFacts.DEFAULT_CONTEXT_PDP_TYPE, "", "", "");

    public DefaultPdpContext {
        if (!Bc260yFacts.DEFAULT_CONTEXT_PDP_TYPES.contains(pdpType)) {
            throw new IllegalArgumentException("PDP type " + pdpType + " is not one of " + Bc260yFacts.DEFAULT_CONTEXT_PDP_TYPES);
        }
        if (apn == null || username == null || password == null) {
            throw new IllegalArgumentException("APN, username and password are required, empty for none");
        }
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "DefaultPdpContext[pdpType=" + pdpType + ", apn=" + apn + ", username=" + username + ", password="
                + QdmpcfgLine.Credentials.mask(password) + "]";
    }
}
