package dev.selfreg.nvram;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A process running one of this module's test classes in a JVM of its own, started small and fast. */
final class ChildJvm {

    private ChildJvm() {}

    /** The process builder of {@code main}'s {@code main(args)}, on this JVM's class path. */
    static ProcessBuilder of(Class<?> main, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m",
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }
}
