package dev.selfreg.nvram;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileNvramStoreTest extends NvramStoreContract {

    private static final NvramImage SETTINGS =
            NvramImage.empty().with("apn", "cmnbiot").with("band", "8");

    @TempDir
    Path parent;

    private Path dir() {
        return parent.resolve("nvram-dir");
    }

    private FileNvramStore open() {
        return FileNvramStore.open(dir(), NvramLayout.INITIAL);
    }

    @Override
    NvramStore newStore() {
        return open();
    }

    @Test
    void missingDirectoryIsCreated() {
        open();

        assertThat(dir()).isDirectory();
    }

    @Test
    void writeIsVisibleAfterReopen() {
        open().write(SETTINGS);

        FileNvramStore reopened = open();

        assertThat(reopened.image()).isEqualTo(SETTINGS);
        assertThat(reopened.openReport()).isEmpty();
    }

    @Test
    void fileIsHumanReadableTextAsDocumented() throws IOException {
        // The same example as in the FileNvramStore Javadoc.
        open().write(NvramImage.empty()
                .with("apn", "cmnbiot")
                .with("band", "8")
                .with("lwm2m.psk", "s3cr=t\\x\nline 2")
                .with("owner", "Zhāng Wěi"));

        assertThat(Files.readString(dir().resolve("nvram"), UTF_8)).isEqualTo("""
                SELFREG-NVRAM layout=1 length=65 crc32=c99808b1
                apn=cmnbiot
                band=8
                lwm2m.psk=s3cr=t\\\\x\\nline 2
                owner=Zhāng Wěi
                """);
    }

    @Test
    void equalsSignInKeysIsEscaped() throws IOException {
        open().write(NvramImage.empty().with("a=b", "c=d"));

        assertThat(Files.readString(dir().resolve("nvram"), UTF_8)).endsWith("\na\\=b=c=d\n");
        assertThat(open().image().get("a=b")).contains("c=d");
    }

    @Test
    void corruptImageIsReportedAndSetAside() throws IOException {
        open().write(SETTINGS);
        byte[] damaged = Files.readAllBytes(dir().resolve("nvram"));
        damaged[damaged.length - 2] ^= 0x01;
        Files.write(dir().resolve("nvram"), damaged);

        FileNvramStore store = open();

        assertThat(store.openReport()).contains("NVRAM image corrupt (checksum mismatch);"
                + " kept as nvram.corrupt-1, starting from factory defaults");
        assertThat(store.image()).isEqualTo(NvramImage.empty());
        assertThat(dir().resolve("nvram.corrupt-1")).hasBinaryContent(damaged);
        assertThat(dir().resolve("nvram")).doesNotExist();
    }

    @Test
    void truncatedImageIsReportedAsCorrupt() throws IOException {
        open().write(SETTINGS);
        Path file = dir().resolve("nvram");
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length - 3));

        assertThat(open().openReport()).hasValueSatisfying(report -> assertThat(report)
                .startsWith("NVRAM image corrupt (length mismatch: header says 19 payload bytes,"
                        + " file holds 16)"));
    }

    @Test
    void storeIsUsableAfterCorruption() throws IOException {
        Files.createDirectories(dir());
        Files.writeString(dir().resolve("nvram"), "not an NVRAM image");
        open().write(SETTINGS);

        FileNvramStore reopened = open();

        assertThat(reopened.image()).isEqualTo(SETTINGS);
        assertThat(reopened.openReport()).isEmpty();
    }

    @Test
    void eachCorruptImageIsKeptUnderItsOwnName() throws IOException {
        Files.createDirectories(dir());
        Files.writeString(dir().resolve("nvram"), "first");
        open();
        Files.writeString(dir().resolve("nvram"), "second");

        assertThat(open().openReport()).hasValueSatisfying(
                report -> assertThat(report).contains("kept as nvram.corrupt-2"));
        assertThat(dir().resolve("nvram.corrupt-1")).hasContent("first");
        assertThat(dir().resolve("nvram.corrupt-2")).hasContent("second");
    }

    @Test
    void leftoverTemporaryFilesAreIgnoredAndDeletedAtOpen() throws IOException {
        open().write(SETTINGS);
        Path leftover = dir().resolve("nvram.12345.tmp");
        Files.writeString(leftover, "SELFREG-NVRAM layout=1 length=9");

        FileNvramStore store = open();

        assertThat(store.image()).isEqualTo(SETTINGS);
        assertThat(store.openReport()).isEmpty();
        assertThat(leftover).doesNotExist();
    }

    @Test
    void failedWriteThrowsAndKeepsThePreviousImage() throws IOException {
        assertFailedSaveKeepsThePreviousImage(store -> store.write(SETTINGS.with("band", "5")));
    }

    @Test
    void failedUpdateThrowsAndKeepsThePreviousImage() throws IOException {
        assertFailedSaveKeepsThePreviousImage(store -> store.update(image -> image.with("band", "5")));
    }

    private void assertFailedSaveKeepsThePreviousImage(Consumer<FileNvramStore> save) throws IOException {
        FileNvramStore store = open();
        store.write(SETTINGS);
        // A non-empty directory where the file should be makes the rename fail.
        Files.delete(dir().resolve("nvram"));
        Files.createDirectories(dir().resolve("nvram").resolve("blocker"));

        assertThatThrownBy(() -> save.accept(store))
                .isInstanceOf(NvramException.class)
                .hasCauseInstanceOf(IOException.class);
        assertThat(store.image()).isEqualTo(SETTINGS);
        try (var files = Files.list(dir())) {
            assertThat(files).extracting(path -> path.getFileName().toString())
                    .containsExactly("nvram");
        }
    }
}
