package dev.selfreg.host;

import dev.selfreg.vocabulary.TerminalInfoType;
import java.util.List;
import java.util.Optional;

/** The terminal's memory, processor and operating system (type 2). */
public record HardwareInfo(Optional<String> rom, Optional<String> ram, Optional<String> cpu, Optional<String> osSysVer)
        implements TerminalInfo {

    public HardwareInfo {
        rom = TerminalInfo.value(rom);
        ram = TerminalInfo.value(ram);
        cpu = TerminalInfo.value(cpu);
        osSysVer = TerminalInfo.value(osSysVer);
    }

    /** From text; null or {@code NULL} for no information. */
    public static HardwareInfo of(String rom, String ram, String cpu, String osSysVer) {
        return new HardwareInfo(TerminalInfo.value(rom), TerminalInfo.value(ram), TerminalInfo.value(cpu), TerminalInfo.value(osSysVer));
    }

    @Override
    public TerminalInfoType type() {
        return TerminalInfoType.HARDWARE;
    }

    @Override
    public List<Optional<String>> values() {
        return List.of(rom, ram, cpu, osSysVer);
    }
}
