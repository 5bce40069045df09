package dev.selfreg.module.emulator;

import dev.selfreg.module.Bc260yFacts;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** BC260Y-CN firmware version names, {@code BC260YCNAAR<release>A<build>}, and their order. */
final class FirmwareVersion {

    private static final Pattern NAME = Pattern.compile("BC260YCNAAR(\\d{2})A(\\d{2})");

    private FirmwareVersion() {
    }

    /**
     * Whether {@code from} to {@code to} is the upgrade of the seed's FOTA note: from
     * BC260YCNAAR01A03 to BC260YCNAAR01A04 or later (seed 3.2.1 备注).
     */
    static boolean isFotaNoteUpgrade(String from, String to) {
        if (!from.equals(Bc260yFacts.FOTA_NOTE_FROM_FIRMWARE)) {
            return false;
        }
        Matcher target = NAME.matcher(to);
        if (!target.matches()) {
            return false;
        }
        int release = Integer.parseInt(target.group(1));
        int build = Integer.parseInt(target.group(2));
        return release > 1 || (release == 1 && build >= 4);
    }
}
