package dev.selfreg.nvram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A temporary directory for one jqwik try, which has no {@code @TempDir}. */
final class ScratchDirectory implements AutoCloseable {

    private final Path path;

    ScratchDirectory() throws IOException {
        path = Files.createTempDirectory("nvram-test");
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
