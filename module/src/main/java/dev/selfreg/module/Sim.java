package dev.selfreg.module;

/** A USIM card: what the module reads from it. */
public record Sim(String imsi, String iccid) {

    /** A China Telecom card (the ZZHC test vector's IMSI and ICCID). */
    public static final Sim CHINA_TELECOM = new Sim("460111234567890", "89860321000000000001");
    /** A China Mobile card (the CMDMP test vector's IMSI). */
    public static final Sim CHINA_MOBILE = new Sim("460041234567890", "89860012345678901234");

    public Sim {
        if (imsi == null || !imsi.matches("\\d{6,15}")) {
            throw new IllegalArgumentException("IMSI must be 6-15 digits: " + imsi);
        }
        if (iccid == null || !iccid.matches("[0-9A-Fa-f]{18,20}")) {
            throw new IllegalArgumentException("ICCID must be 18-20 hex digits: " + iccid);
        }
    }
}
