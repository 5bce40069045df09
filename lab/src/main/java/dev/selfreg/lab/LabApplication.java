package dev.selfreg.lab;

import dev.selfreg.platform.PlatformSettings;
import java.util.List;

/**
 * The CMDMP application the lab's own runs use (the demo, fleets): the wire spec's test-vector APPkey and password,
 * known to the platform, and the AT commands that provision an emulated China Mobile unit for it, as a host would.
 */
public final class LabApplication {

    /** The APPkey (cmcc-dm-wire.md test vector). */
    public static final String APP_KEY = "M100000000";
    /** Its password; never printed in full (AT shows four characters). */
    public static final String PASSWORD = "0123456789ABCDEFGHIJKLMNOPQRSTUV";

    private LabApplication() {
    }

    /** {@code settings} with this application added to the platform's known ones. */
    public static PlatformSettings addedTo(PlatformSettings settings) {
        return settings.withDmApp(APP_KEY + "=" + PASSWORD);
    }

    /**
     * Provisions {@code unit} over AT for this application with the update period {@code periodSeconds}, its terminal
     * information set. The settings are saved; they take effect at the unit's next boot (AT+QRST=1).
     *
     * @throws IllegalStateException if the unit refuses a line
     */
    public static void provision(EmulatedUnit unit, String imei, long periodSeconds) {
        for (String line : List.of(
                "AT+QDMPCFG=1,\"117.161.2.41\",5683," + periodSeconds,
                "AT+QDMPCFG=2,\"" + APP_KEY + "\",\"" + PASSWORD + "\",1," + imei,
                "AT+QDMPCFGEX=1,0,\"00-01-6C-06-A6-29\"",
                "AT+QDMPCFGEX=3,0,\"meter-fw-1.2\",\"selfreg-meter\"",
                "AT+QDMPCFGEX=4,0,\"off\",\"NB-IoT\",\"NULL\",\"NULL\"")) {
            if (!unit.at(line).isOk()) {
                throw new IllegalStateException(unit.name() + ": provisioning failed at " + line.replace(PASSWORD, "****"));
            }
        }
    }
}
