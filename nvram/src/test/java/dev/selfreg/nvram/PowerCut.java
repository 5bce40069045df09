package dev.selfreg.nvram;

import static java.nio.file.StandardOpenOption.WRITE;

import dev.selfreg.nvram.FileNvramStore.WriteObserver;
import dev.selfreg.nvram.FileNvramStore.WriteStep;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/** A simulated power cut: thrown from a {@link WriteObserver}, it stops a write dead. */
final class PowerCut extends RuntimeException {

    private PowerCut(WriteStep step) {
        super("power cut after " + step);
    }

    /**
     * An observer that cuts the power right after {@code step}. Bytes not yet forced to disk may
     * be lost then, so a temporary file that was not forced keeps only {@code percentThatMadeIt}
     * percent of its bytes.
     */
    static WriteObserver after(WriteStep step, int percentThatMadeIt) {
        return (reached, temp) -> {
            if (reached != step) {
                return;
            }
            if (reached.compareTo(WriteStep.TEMP_FORCED) < 0) {
                truncate(temp, percentThatMadeIt);
            }
            throw new PowerCut(reached);
        };
    }

    private static void truncate(Path temp, int percentThatMadeIt) {
        try (FileChannel channel = FileChannel.open(temp, WRITE)) {
            channel.truncate(channel.size() * percentThatMadeIt / 100);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
