package dev.selfreg.nvram;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

import dev.selfreg.nvram.NvramFileFormat.Contents;
import dev.selfreg.nvram.NvramFileFormat.CorruptImageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@link NvramStore} kept in the file {@code nvram} in a directory of its own (the
 * {@code --nvram DIR} option).
 *
 * <h2>Crash safety</h2>
 * A write goes to a new temporary file {@code nvram.*.tmp} in the same directory, which is forced
 * to disk and then renamed over {@code nvram} in one atomic step; the directory is forced last so
 * that the rename is durable too. A power cut or a kill at any instant therefore leaves either
 * the whole old file or the whole new one. Temporary files left by an interrupted write are
 * deleted at open. Only one store may use a directory at a time: a module process takes the directory's
 * {@link NvramDirectoryLock} before opening it.
 *
 * <h2>Corruption</h2>
 * A file that fails a check at open does not make {@link #open} throw: the file is renamed to
 * {@code nvram.corrupt-N} (the first free N from 1) for inspection, the store starts from the
 * empty image (factory defaults) and {@link #openReport()} says what happened.
 *
 * <h2>Layout versions</h2>
 * A file of an older layout than the one given to {@link #open} is migrated and written back at
 * open. A file of a newer layout is refused with an {@link NvramException} and left untouched,
 * so that running an older selfreg never discards settings it does not understand.
 *
 * <h2>File format</h2>
 * UTF-8 text, so that {@code cat nvram} shows the settings. For example:
 * <pre>
 * SELFREG-NVRAM layout=1 length=65 crc32=c99808b1
 * apn=cmnbiot
 * band=8
 * lwm2m.psk=s3cr=t\\x\nline 2
 * owner=Zhāng Wěi
 * </pre>
 * <ul>
 *   <li>The header line holds the magic word {@code SELFREG-NVRAM}, the layout version, the
 *       length of the payload in bytes and a CRC32 as eight lowercase hex digits. Numbers are
 *       decimal without leading zeros. The CRC32 covers the file as it would be with the
 *       {@code " crc32=..."} field deleted: the rest of the header line, its newline and the
 *       payload.
 *   <li>The payload, every byte after the header line, holds one {@code key=value} line per
 *       setting, each ending in a newline, sorted by key in {@link String#compareTo} order. An
 *       empty image has an empty payload.
 *   <li>In keys and values a backslash is written {@code \\}, a newline {@code \n} and a
 *       carriage return {@code \r}; in keys, {@code =} is written {@code \=}, so the first
 *       unescaped {@code =} ends the key. Every other character, including non-ASCII, is written
 *       as its UTF-8 bytes.
 * </ul>
 */
public final class FileNvramStore extends AbstractNvramStore {

    private static final String FILE_NAME = "nvram";
    private static final String TEMP_PREFIX = FILE_NAME + ".";
    private static final String TEMP_SUFFIX = ".tmp";
    private static final String CORRUPT_PREFIX = FILE_NAME + ".corrupt-";

    /** The steps of a write, in order, after which a power cut leaves a different disk state. */
    enum WriteStep { TEMP_CREATED, TEMP_WRITTEN, TEMP_FORCED, RENAMED }

    /** Sees each step of a write as it completes; tests throw from it to cut the power there. */
    interface WriteObserver {
        void reached(WriteStep step, Path temp);
    }

    private final Path dir;
    private final Path file;
    private final NvramLayout layout;
    private final WriteObserver observer;
    private final Optional<String> openReport;

    private FileNvramStore(Path dir, NvramLayout layout, WriteObserver observer) {
        super(NvramImage.empty()); // factory defaults unless load() finds an image
        this.dir = dir;
        this.file = dir.resolve(FILE_NAME);
        this.layout = Objects.requireNonNull(layout, "layout");
        this.observer = observer;
        try {
            createDirectory();
            deleteTemporaryFiles();
            this.openReport = load();
        } catch (IOException e) {
            throw new NvramException("cannot open NVRAM in " + dir, e);
        }
    }

    /**
     * Opens the store in {@code dir}, creating the directory if missing, and reads the image
     * written there last; see the class description for what happens to a corrupt or older file.
     *
     * @throws NvramException if the directory cannot be used or holds an image of a newer layout
     */
    public static FileNvramStore open(Path dir, NvramLayout layout) {
        return open(dir, layout, (step, temp) -> { });
    }

    static FileNvramStore open(Path dir, NvramLayout layout, WriteObserver observer) {
        return new FileNvramStore(dir, layout, observer);
    }

    /** Writes a temporary file and renames it over the image file; see the class description. */
    @Override
    void save(NvramImage newImage) {
        byte[] bytes = NvramFileFormat.encode(layout.version(), newImage);
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, TEMP_PREFIX, TEMP_SUFFIX);
            observer.reached(WriteStep.TEMP_CREATED, temp);
            try (FileChannel channel = FileChannel.open(temp, WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                observer.reached(WriteStep.TEMP_WRITTEN, temp);
                channel.force(true);
                observer.reached(WriteStep.TEMP_FORCED, temp);
            }
            Files.move(temp, file, ATOMIC_MOVE);
            observer.reached(WriteStep.RENAMED, temp);
            forceDirectory(dir);
        } catch (IOException e) {
            NvramException failure = new NvramException("cannot write NVRAM image " + file, e);
            deleteTemporaryFile(temp, failure);
            throw failure;
        }
    }

    @Override
    public Optional<String> openReport() {
        return openReport;
    }

    private void createDirectory() throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            // Make the new directory itself durable, not just the files that will go in it.
            forceDirectory(dir.toAbsolutePath().getParent());
        }
    }

    private void deleteTemporaryFiles() throws IOException {
        try (DirectoryStream<Path> temps =
                Files.newDirectoryStream(dir, TEMP_PREFIX + "*" + TEMP_SUFFIX)) {
            for (Path temp : temps) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Reads the file and takes its image as the current one; returns the open report. */
    private Optional<String> load() throws IOException {
        Contents contents;
        try {
            contents = NvramFileFormat.decode(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (CorruptImageException e) {
            Path kept = setAside();
            return Optional.of("NVRAM image corrupt (" + e.getMessage() + "); kept as "
                    + kept.getFileName() + ", starting from factory defaults");
        }
        int found = contents.layoutVersion();
        if (found > layout.version()) {
            throw new NvramException("NVRAM image " + file + " has layout " + found
                    + ", newer than layout " + layout.version() + " known to this selfreg;"
                    + " refusing to use it (run a newer selfreg or choose another directory)");
        }
        if (found == layout.version()) {
            startFrom(contents.image());
            return Optional.empty();
        }
        // If the power fails before this write completes, the next open migrates again.
        write(layout.migrate(contents.image(), found));
        return Optional.of(
                "NVRAM image migrated from layout " + found + " to layout " + layout.version());
    }

    private Path setAside() throws IOException {
        int n = 1;
        while (Files.exists(dir.resolve(CORRUPT_PREFIX + n))) {
            n++;
        }
        Path kept = dir.resolve(CORRUPT_PREFIX + n);
        Files.move(file, kept, ATOMIC_MOVE);
        forceDirectory(dir);
        return kept;
    }

    private static void deleteTemporaryFile(Path temp, NvramException failure) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms (Windows) cannot open a directory; the rename is all they offer.
        }
    }
}
