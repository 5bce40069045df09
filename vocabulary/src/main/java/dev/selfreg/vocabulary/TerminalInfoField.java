package dev.selfreg.vocabulary;

import java.nio.charset.StandardCharsets;

/**
 * One value of CMDMP v2.0 terminal information: a parameter of {@code AT+QDMPCFGEX}, with the
 * seed's name and maximum length in bytes (seed 3.2.3), and the object 666 resource that carries
 * it to the platform (spec cmcc-dm-wire.md, "Object 666"). Declared in resource order, which is
 * also the order of the parameters within each type. The terminal type, object 666's first
 * resource, is no parameter of {@code AT+QDMPCFGEX}: see {@link TerminalType#RESOURCE_ID}.
 */
public enum TerminalInfoField {
    APP_INFO(TerminalInfoType.APP_INFO, "APPInfo", 255, 6602),
    MAC(TerminalInfoType.MAC, "MAC", 19, 6603),
    ROM(TerminalInfoType.HARDWARE, "ROM", 19, 6604),
    RAM(TerminalInfoType.HARDWARE, "RAM", 19, 6605),
    CPU(TerminalInfoType.HARDWARE, "CPU", 19, 6606),
    OS_SYS_VER(TerminalInfoType.HARDWARE, "osSysVer", 47, 6607),
    SW_VER(TerminalInfoType.SOFTWARE, "swVer", 47, 6608),
    SW_NAME(TerminalInfoType.SOFTWARE, "swName", 47, 6609),
    VOLTE(TerminalInfoType.NETWORK, "VoLTE", 7, 6610),
    NET_TYPE(TerminalInfoType.NETWORK, "netType", 19, 6611),
    ACCOUNT(TerminalInfoType.NETWORK, "account", 47, 6612),
    PHONE_NUM(TerminalInfoType.NETWORK, "phoneNum", 19, 6613),
    LOCATION(TerminalInfoType.LOCATION, "location", 255, 6614);

    /**
     * "No information": what the seed tells hosts to write for a value they do not have (seed
     * 3.2.3), what an erased or never-set value reads back as (spec at-commands.md §5,
     * Interpretation), and what object 666 carries, encrypted, for it.
     */
    public static final String UNSET = "NULL";

    private final TerminalInfoType type;
    private final String seedName;
    private final int maxBytes;
    private final int resourceId;

    TerminalInfoField(TerminalInfoType type, String seedName, int maxBytes, int resourceId) {
        this.type = type;
        this.seedName = seedName;
        this.maxBytes = maxBytes;
        this.resourceId = resourceId;
    }

    /** The {@code AT+QDMPCFGEX} type it is a parameter of. */
    public TerminalInfoType type() {
        return type;
    }

    /** Its position among its type's parameters, from 0. */
    public int index() {
        return type.fields().indexOf(this);
    }

    /** Whether it is its type's last parameter, the one a read-back line ends with. */
    public boolean isLast() {
        return index() == type.fields().size() - 1;
    }

    /** The parameter's name in the seed, e.g. {@code osSysVer}. */
    public String seedName() {
        return seedName;
    }

    /** The most bytes (UTF-8) the module accepts for it. */
    public int maxBytes() {
        return maxBytes;
    }

    /** Whether {@code value} is within {@link #maxBytes()}. */
    public boolean fits(String value) {
        return value.getBytes(StandardCharsets.UTF_8).length <= maxBytes;
    }

    /** The object 666 resource that carries it. */
    public int resourceId() {
        return resourceId;
    }
}
