package dev.selfreg.host;

import dev.selfreg.vocabulary.TerminalInfoType;
import java.util.List;
import java.util.Optional;

/** The terminal's location, e.g. {@code lat,lon,method} (type 5). */
public record LocationInfo(Optional<String> location) implements TerminalInfo {

    public LocationInfo {
        location = TerminalInfo.value(location);
    }

    /** From text; null or {@code NULL} for no information. */
    public static LocationInfo of(String location) {
        return new LocationInfo(TerminalInfo.value(location));
    }

    @Override
    public TerminalInfoType type() {
        return TerminalInfoType.LOCATION;
    }

    @Override
    public List<Optional<String>> values() {
        return List.of(location);
    }
}
