package dev.selfreg.nvram;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Run in a separate JVM by {@link ProcessKillTest}: continues from the generation stored in the
 * directory given as argument, writing generation after generation until killed, and prints each
 * generation on its own line once its write has returned.
 */
final class NvramWriterProcess {

    private static final String PAYLOAD_PATTERN = "0123456789abcdef=\\\n\r é€";

    private NvramWriterProcess() {}

    public static void main(String[] args) throws IOException {
        exitWhenParentGoes();
        FileNvramStore store = FileNvramStore.open(Path.of(args[0]), NvramLayout.INITIAL);
        long generation = store.image().asMap().isEmpty() ? 0 : generationOf(store.image());
        // One write(2) per line, so a kill cannot leave half a line that reads as a number.
        FileOutputStream out = new FileOutputStream(FileDescriptor.out);
        while (true) {
            generation++;
            store.write(imageOf(generation));
            out.write((generation + "\n").getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** The one image of {@code generation}: the generation in several places, and a payload. */
    static NvramImage imageOf(long generation) {
        int payloadLength = (int) (generation * 7919 % 4000);
        StringBuilder payload = new StringBuilder();
        while (payload.length() < payloadLength) {
            payload.append(PAYLOAD_PATTERN);
        }
        return NvramImage.empty()
                .with("a.generation", Long.toString(generation))
                .with("m.generation.hex", Long.toHexString(generation))
                .with("m.payload", payload.substring(0, payloadLength))
                .with("z.generation", Long.toString(generation));
    }

    /**
     * The generation of an image written by this process.
     *
     * @throws IllegalStateException if the image is not exactly one that this process writes
     */
    static long generationOf(NvramImage image) {
        long generation = image.get("a.generation").map(Long::parseLong)
                .orElseThrow(() -> new IllegalStateException("no generation in " + image));
        if (!image.equals(imageOf(generation))) {
            throw new IllegalStateException("image is not that of generation " + generation);
        }
        return generation;
    }

    // Should the test JVM die without killing this process, its end of our stdin closes.
    private static void exitWhenParentGoes() {
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // The test never writes to us; only the end of input matters.
                }
            } catch (IOException e) {
                // A broken pipe means the parent has gone, just as the end of input does.
            }
            Runtime.getRuntime().halt(3);
        }, "parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }
}
