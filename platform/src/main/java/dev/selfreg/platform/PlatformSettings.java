package dev.selfreg.platform;

import dev.selfreg.checks.Product;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a lab platform is started: where it listens, where it stores, which CMDMP applications
 * it can decrypt. Ports of 0 pick free ones.
 *
 * @param db      a JDBC URL, or empty for the embedded H2 file under {@code dataDir}
 * @param dmApps  {@code APPKEY=PASSWORD} entries
 * @param strict  reject CMDMP endpoints whose APPkey is unknown (lab mode only flags them)
 * @param token   the bearer token the web side requires; empty: none on loopback, a generated
 *                one on any other address
 * @param product what the devices are meant to be, for the certification checks
 */
public record PlatformSettings(String bind, int ctCoapPort, int ctHttpPort, int dmPort, int webPort,
                               Optional<String> db, Path dataDir, List<String> dmApps, boolean strict,
                               Optional<String> token, Product product) {

    /** Settings with no product declared. */
    public PlatformSettings(String bind, int ctCoapPort, int ctHttpPort, int dmPort, int webPort, Optional<String> db,
                            Path dataDir, List<String> dmApps, boolean strict, Optional<String> token) {
        this(bind, ctCoapPort, ctHttpPort, dmPort, webPort, db, dataDir, dmApps, strict, token, Product.UNDECLARED);
    }

    /** Defaults of interfaces.md: 127.0.0.1, ports 5683, 9999, 5685, 8080, H2 under ./selfreg-data. */
    public static PlatformSettings defaults() {
        return new PlatformSettings("127.0.0.1", 5683, 9999, 5685, 8080, Optional.empty(), Path.of("selfreg-data"),
                List.of(), false, Optional.empty());
    }

    /** The same settings with every port 0 (free ports), for tests and embedded use. */
    public PlatformSettings withFreePorts() {
        return new PlatformSettings(bind, 0, 0, 0, 0, db, dataDir, dmApps, strict, token, product);
    }

    /** The same settings with one more CMDMP application, {@code APPKEY=PASSWORD} as {@code --dm-app} takes it. */
    public PlatformSettings withDmApp(String app) {
        List<String> apps = new ArrayList<>(dmApps);
        apps.add(app);
        return new PlatformSettings(bind, ctCoapPort, ctHttpPort, dmPort, webPort, db, dataDir, apps, strict, token,
                product);
    }

    /** The same settings with the devices declared to be {@code declared}. */
    public PlatformSettings withProduct(Product declared) {
        return new PlatformSettings(bind, ctCoapPort, ctHttpPort, dmPort, webPort, db, dataDir, dmApps, strict, token,
                declared);
    }

    /** Never prints the application passwords or the token. */
    @Override
    public String toString() {
        return "PlatformSettings[bind=" + bind + ", ctCoapPort=" + ctCoapPort + ", ctHttpPort=" + ctHttpPort + ", dmPort="
                + dmPort + ", webPort=" + webPort + ", dataDir=" + dataDir + ", dmApps=" + dmApps.size() + " application(s)"
                + ", strict=" + strict + ", product=" + product.name() + "]";
    }
}
