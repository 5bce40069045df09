package dev.selfreg.host;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** One parameter of {@code AT+QDMPCFGEX}: its type, the seed's name and maximum length in bytes (seed 3.2.3). */
public enum TerminalInfoField {
    APP_INFO(TerminalInfoType.APP_INFO, 0, "APPInfo", 255),
    MAC(TerminalInfoType.MAC, 0, "MAC", 19),
    ROM(TerminalInfoType.HARDWARE, 0, "ROM", 19),
    RAM(TerminalInfoType.HARDWARE, 1, "RAM", 19),
    CPU(TerminalInfoType.HARDWARE, 2, "CPU", 19),
    OS_SYS_VER(TerminalInfoType.HARDWARE, 3, "osSysVer", 47),
    SW_VER(TerminalInfoType.SOFTWARE, 0, "swVer", 47),
    SW_NAME(TerminalInfoType.SOFTWARE, 1, "swName", 47),
    VOLTE(TerminalInfoType.NETWORK, 0, "VoLTE", 7),
    NET_TYPE(TerminalInfoType.NETWORK, 1, "netType", 19),
    ACCOUNT(TerminalInfoType.NETWORK, 2, "account", 47),
    PHONE_NUM(TerminalInfoType.NETWORK, 3, "phoneNum", 19),
    LOCATION(TerminalInfoType.LOCATION, 0, "location", 255);

    private final TerminalInfoType type;
    private final int index;
    private final String seedName;
    private final int maxBytes;

    TerminalInfoField(TerminalInfoType type, int index, String seedName, int maxBytes) {
        this.type = type;
        this.index = index;
        this.seedName = seedName;
        this.maxBytes = maxBytes;
    }

    public TerminalInfoType type() {
        return type;
    }

    /** Position among its type's parameters. */
    public int index() {
        return index;
    }

    /** The parameter's name in the seed, e.g. {@code osSysVer}. */
    public String seedName() {
        return seedName;
    }

    public int maxBytes() {
        return maxBytes;
    }

    /**
     * Checks a value before it is written: within the maximum length, quotable, and without a
     * comma unless it is its type's last field (the answer is split on commas).
     */
    void checkWritable(Optional<String> value) {
        String text = value.orElse(TerminalInfo.NULL);
        if (text.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw new IllegalArgumentException(seedName + " is at most " + maxBytes + " bytes: " + text);
        }
        if (index < type.fields().size() - 1) {
            AtText.field(seedName, text);
        } else {
            AtText.quotable(seedName, text);
        }
    }
}
