package dev.selfreg.host;

import dev.selfreg.vocabulary.TerminalInfoType;
import java.util.List;
import java.util.Optional;

/** Installed apps, {@code name|package|usage time ms|open count} separated by {@code ;} (type 0, APPInfo). */
public record AppInfo(Optional<String> apps) implements TerminalInfo {

    public AppInfo {
        apps = TerminalInfo.value(apps);
    }

    /** From text; null or {@code NULL} for no information. */
    public static AppInfo of(String apps) {
        return new AppInfo(TerminalInfo.value(apps));
    }

    @Override
    public TerminalInfoType type() {
        return TerminalInfoType.APP_INFO;
    }

    @Override
    public List<Optional<String>> values() {
        return List.of(apps);
    }
}
