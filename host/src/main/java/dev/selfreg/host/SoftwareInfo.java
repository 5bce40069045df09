package dev.selfreg.host;

import dev.selfreg.vocabulary.TerminalInfoType;
import java.util.List;
import java.util.Optional;

/** The terminal's software version and name (type 3). */
public record SoftwareInfo(Optional<String> swVer, Optional<String> swName) implements TerminalInfo {

    public SoftwareInfo {
        swVer = TerminalInfo.value(swVer);
        swName = TerminalInfo.value(swName);
    }

    /** From text; null or {@code NULL} for no information. */
    public static SoftwareInfo of(String swVer, String swName) {
        return new SoftwareInfo(TerminalInfo.value(swVer), TerminalInfo.value(swName));
    }

    @Override
    public TerminalInfoType type() {
        return TerminalInfoType.SOFTWARE;
    }

    @Override
    public List<Optional<String>> values() {
        return List.of(swVer, swName);
    }
}
