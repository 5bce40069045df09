package dev.selfreg.module.network;

import java.util.Locale;
import java.util.Optional;

/**
 * A service of the lab platform that the module's network reaches, by the name the control
 * API's faults use for it.
 */
public enum LabService {

    /** China Telecom ZZHC self-registration over CoAP (ct-zzhc-wire.md). */
    CT("ct"),

    /** China Mobile CMDMP device management, LwM2M over CoAP (cmcc-dm-wire.md). */
    DM("dm");

    private final String label;

    LabService(String label) {
        this.label = label;
    }

    /** The name used by the control API ({@code "ct"}, {@code "dm"}). */
    public String label() {
        return label;
    }

    /** The service of a control API name. */
    public static Optional<LabService> ofLabel(String label) {
        String wanted = label.toLowerCase(Locale.ROOT);
        for (LabService service : values()) {
            if (service.label.equals(wanted)) {
                return Optional.of(service);
            }
        }
        return Optional.empty();
    }
}
