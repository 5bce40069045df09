package dev.selfreg.platform.ct;

import dev.selfreg.platform.core.PlatformMetrics;
import dev.selfreg.platform.core.PlatformRecords;
import dev.selfreg.platform.store.JdbcPlatformStore;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A ZZHC CoAP service with the embedded H2 store, alone in its JVM, so a test can kill it with
 * SIGKILL. Prints {@code listening <port>} when ready; runs until killed.
 */
public final class ZzhcServerProcess {

    private ZzhcServerProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        JdbcPlatformStore store = JdbcPlatformStore.openEmbedded(Path.of(args[0]));
        PlatformMetrics metrics = new PlatformMetrics();
        ZzhcCoapServer server = ZzhcCoapServer.start(new ZzhcService(new PlatformRecords(store), metrics, Clock.systemUTC()),
                metrics, "127.0.0.1", 0);
        System.out.println("listening " + server.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
