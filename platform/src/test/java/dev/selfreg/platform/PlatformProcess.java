package dev.selfreg.platform;

import dev.selfreg.platform.store.JdbcPlatformStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The whole lab platform on its embedded H2 store under {@code args[0]}, knowing the CMDMP applications given after
 * it ({@code APPKEY=PASSWORD}), alone in its JVM (so a test can give it a file system of its own, or kill it). Prints its {@code listening} lines, then {@code ready}; when its stdin closes it stops, opens its store again
 * and prints a {@code stored <IMEI>} line for each report stored, then {@code end}.
 */
public final class PlatformProcess {

    private PlatformProcess() {
    }

    public static void main(String[] args) throws IOException {
        try (LabPlatform platform = LabPlatform.start(new PlatformSettings("127.0.0.1", 0, 0, 0, 0, Optional.empty(),
                Path.of(args[0]), List.of(args).subList(1, args.length), false, Optional.empty()))) {
            platform.listeningLines().forEach(System.out::println);
            System.out.println("ready");
            System.out.flush();
            while (System.in.read() >= 0) {
                // runs until the test closes stdin
            }
        }
        // the store opened afresh once the platform is closed: what a restart would find
        try (JdbcPlatformStore store = JdbcPlatformStore.openEmbedded(Path.of(args[0]))) {
            store.ctRegistrations(null, Integer.MAX_VALUE).forEach(stored -> System.out.println("stored " + stored.imei()));
        }
        System.out.println("end");
    }
}
