package dev.selfreg.nvram;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps an NVRAM directory to one module at a time: an exclusive lock on the file {@code nvram.lock} in it, held
 * until {@link #close()} or the end of the process. Two modules on one directory would each write their own image
 * over the other's, so every setting one of them stored could silently come back as the other's after a reboot.
 *
 * <p>The operating system releases the lock when the process ends, however it ends: a killed module leaves no stale
 * lock behind, and the next one starts without anybody deleting a file. The file holds the process ID of the holder,
 * for the message a refused module prints.
 */
public final class NvramDirectoryLock implements AutoCloseable {

    private static final String FILE_NAME = "nvram.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private NvramDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes {@code dir} (created if missing) for this process.
     *
     * @throws NvramException if another module holds it, or the lock file cannot be used
     */
    public static NvramDirectoryLock acquire(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new NvramException("cannot create NVRAM directory " + dir, e);
        }
        Path file = dir.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, CREATE, WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw new NvramException("NVRAM directory " + dir + " is in use by another module"
                        + holder(file) + "; stop it or choose another directory");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
            return new NvramDirectoryLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new NvramException("cannot lock NVRAM directory " + dir, e);
        } catch (NvramException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** The lock, or {@code null} when another holds it: another process, or this one through another channel. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /** " (process N)" from the lock file, or nothing when it says nothing usable. */
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

    /** Gives the directory up. */
    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new NvramException("cannot unlock NVRAM directory", e);
        }
    }
}
