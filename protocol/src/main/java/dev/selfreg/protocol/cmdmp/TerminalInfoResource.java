package dev.selfreg.protocol.cmdmp;

import java.util.Optional;

/**
 * The resources of object 666, instance 0 (cmcc-dm-wire.md, "Object 666"), with the {@code AT+QDMPCFGEX} type each
 * value comes from. Every one is a readable string, sent encrypted.
 */
public enum TerminalInfoResource {
    /** 6601: terminal type name, {@code interface}/{@code Linux}/{@code Android} (the spec's Interpretation). */
    TERMINAL_TYPE(6601, "Terminal type"),
    /** 6602: APPInfo (type 0). */
    APP_INFO(6602, "APPInfo"),
    /** 6603: MAC (type 1). */
    MAC(6603, "MAC"),
    /** 6604: ROM (type 2). */
    ROM(6604, "ROM"),
    /** 6605: RAM (type 2). */
    RAM(6605, "RAM"),
    /** 6606: CPU (type 2). */
    CPU(6606, "CPU"),
    /** 6607: osSysVer (type 2). */
    OS_SYS_VER(6607, "osSysVer"),
    /** 6608: swVer (type 3). */
    SW_VER(6608, "swVer"),
    /** 6609: swName (type 3). */
    SW_NAME(6609, "swName"),
    /** 6610: VoLTE (type 4). */
    VOLTE(6610, "VoLTE"),
    /** 6611: netType (type 4). */
    NET_TYPE(6611, "netType"),
    /** 6612: account (type 4). */
    ACCOUNT(6612, "account"),
    /** 6613: phoneNum (type 4). */
    PHONE_NUM(6613, "phoneNum"),
    /** 6614: location (type 5). */
    LOCATION(6614, "location");

    private final int id;
    private final String modelName;

    TerminalInfoResource(int id, String modelName) {
        this.id = id;
        this.modelName = modelName;
    }

    /** The LwM2M resource id. */
    public int id() {
        return id;
    }

    /** The name in the object model, as the spec table writes it. */
    public String modelName() {
        return modelName;
    }

    /** The resource with this id, if it is one of object 666's. */
    public static Optional<TerminalInfoResource> ofId(int id) {
        for (TerminalInfoResource resource : values()) {
            if (resource.id == id) {
                return Optional.of(resource);
            }
        }
        return Optional.empty();
    }
}
