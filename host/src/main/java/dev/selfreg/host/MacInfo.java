package dev.selfreg.host;

import dev.selfreg.vocabulary.TerminalInfoType;
import java.util.List;
import java.util.Optional;

/** The terminal's MAC address (type 1). */
public record MacInfo(Optional<String> mac) implements TerminalInfo {

    public MacInfo {
        mac = TerminalInfo.value(mac);
    }

    /** From text; null or {@code NULL} for no information. */
    public static MacInfo of(String mac) {
        return new MacInfo(TerminalInfo.value(mac));
    }

    @Override
    public TerminalInfoType type() {
        return TerminalInfoType.MAC;
    }

    @Override
    public List<Optional<String>> values() {
        return List.of(mac);
    }
}
