package dev.selfreg.nvram;

import java.nio.file.Path;

/**
 * Run in a separate JVM by {@link NvramDirectoryLockTest}: takes the NVRAM directory given as argument, prints
 * {@code held}, and keeps it until killed; when the directory is taken, the refusal ends it (on stderr, exit 1).
 */
final class NvramLockHolderProcess {

    private NvramLockHolderProcess() {}

    public static void main(String[] args) throws InterruptedException {
        NvramDirectoryLock lock = NvramDirectoryLock.acquire(Path.of(args[0]));
        System.out.println("held");
        System.out.flush();
        synchronized (lock) {
            while (true) {
                lock.wait();
            }
        }
    }
}
