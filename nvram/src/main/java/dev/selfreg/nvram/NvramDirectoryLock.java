package dev.selfreg.nvram;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Keeps an NVRAM directory to one module at a time: an exclusive lock on the file {@code nvram.lock} in it, held
 * until {@link #close()} or the end of the process. Two modules on one directory would each write their own image
 * over the other's, so every setting one of them stored could silently come back as the other's after a reboot.
 * A module process takes it before opening its {@link FileNvramStore}.
 *
 * <p>The operating system releases the lock when the process ends, however it ends: a killed module leaves no stale
 * lock behind, and the next one starts without anybody deleting a file. The file holds the process ID of the holder,
 * for the message a refused module prints.
 *
 * <p>Within one process the directories held are kept in a set, checked before the lock file is touched: the
 * operating system's lock belongs to the process, and closing any other handle to the file would release it.
 */
public final class NvramDirectoryLock implements AutoCloseable {

    private static final String FILE_NAME = "nvram.lock";
    /** The directories this process holds, as absolute normalised paths. */
    private static final Set<Path> HELD = new HashSet<>();

    private final Path dir;
    private final FileChannel channel;
    private boolean closed;

    private NvramDirectoryLock(Path dir, FileChannel channel) {
        this.dir = dir;
        this.channel = channel;
    }

    /**
     * Takes {@code dir} (created if missing) for this process.
     *
     * @throws NvramException if another module holds it, or the lock file cannot be used
     */
    public static NvramDirectoryLock acquire(Path dir) {
        Path key = dir.toAbsolutePath().normalize();
        synchronized (HELD) {
            if (HELD.contains(key)) {
                throw inUse(dir, " in this process");
            }
            NvramDirectoryLock lock = lockFile(dir, key);
            HELD.add(key);
            return lock;
        }
    }

    private static NvramDirectoryLock lockFile(Path dir, Path key) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new NvramException("cannot create NVRAM directory " + dir, e);
        }
        Path file = dir.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, CREATE, WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw inUse(dir, holder(file));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
            return new NvramDirectoryLock(key, channel);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new NvramException("cannot lock NVRAM directory " + dir, e);
        }
    }

    private static NvramException inUse(Path dir, String holder) {
        return new NvramException("NVRAM directory " + dir + " is in use by another module" + holder
                + "; stop it or choose another directory");
    }

    /** " (process N)" from the lock file of another process's lock, or nothing when it says nothing usable. */
    private static String holder(Path file) {
        try {
            String pid = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return pid.matches("[0-9]{1,19}") ? " (process " + pid + ")" : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // the failure being reported is the one that matters
        }
    }

    /** Gives the directory up (closing the file releases its lock); a second call does nothing. */
    @Override
    public void close() {
        synchronized (HELD) {
            if (closed) {
                return;
            }
            closed = true;
            HELD.remove(dir);
            try {
                channel.close();
            } catch (IOException e) {
                throw new NvramException("cannot unlock NVRAM directory " + dir, e);
            }
        }
    }
}
