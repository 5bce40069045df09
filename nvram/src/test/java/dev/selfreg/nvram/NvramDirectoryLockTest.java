package dev.selfreg.nvram;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class NvramDirectoryLockTest {

    @TempDir
    Path work;

    @Test
    @Timeout(value = 60, unit = SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aDirectoryHeldByAnotherProcessIsRefusedNamingItAndIsFreeOnceThatProcessIsKilled() throws Exception {
        Path dir = work.resolve("nvram");
        Process holder = ChildJvm.of(NvramLockHolderProcess.class, dir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(out.readLine()).isEqualTo("held");
            assertThatThrownBy(() -> NvramDirectoryLock.acquire(dir))
                    .isInstanceOf(NvramException.class)
                    .hasMessageContaining("is in use by another module (process " + holder.pid() + ")");
        } finally {
            holder.destroyForcibly();
        }
        assertThat(holder.waitFor(10, SECONDS)).isTrue();
        try (NvramDirectoryLock lock = NvramDirectoryLock.acquire(dir)) {
            assertThat(lock).isNotNull();
        }
    }

    @Test
    @Timeout(value = 60, unit = SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aRefusalInTheSameProcessLeavesTheFirstHoldersLockInPlace() throws Exception {
        Path dir = work.resolve("nvram");
        try (NvramDirectoryLock first = NvramDirectoryLock.acquire(dir)) {
            assertThatThrownBy(() -> NvramDirectoryLock.acquire(dir.resolve("..").resolve("nvram")))
                    .isInstanceOf(NvramException.class)
                    .hasMessageContaining("is in use by another module in this process");
            // the operating system's lock is still this process's: another process is refused
            Process other = ChildJvm.of(NvramLockHolderProcess.class, dir.toString())
                    .redirectError(ProcessBuilder.Redirect.PIPE).start();
            try {
                assertThat(other.waitFor(30, SECONDS)).as("the other process was refused and ended").isTrue();
                assertThat(new String(other.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                        .contains("is in use by another module (process " + ProcessHandle.current().pid() + ")");
            } finally {
                other.destroyForcibly();
            }
        }
        NvramDirectoryLock.acquire(dir).close();
    }

    @Test
    void closingTwiceIsHarmless() {
        NvramDirectoryLock lock = NvramDirectoryLock.acquire(work.resolve("nvram"));
        lock.close();
        lock.close();
        NvramDirectoryLock.acquire(work.resolve("nvram")).close();
    }

    @Test
    void aStoreWorksInItsLockedDirectoryAndLeavesTheLockFileAlone() {
        Path dir = work.resolve("nvram");
        try (NvramDirectoryLock lock = NvramDirectoryLock.acquire(dir)) {
            FileNvramStore store = FileNvramStore.open(dir, NvramLayout.INITIAL);
            store.write(NvramImage.empty().with("apn", "cmnbiot"));
            assertThat(FileNvramStore.open(dir, NvramLayout.INITIAL).image()).isEqualTo(store.image());
            assertThat(dir.resolve("nvram.lock")).exists();
        }
    }
}
