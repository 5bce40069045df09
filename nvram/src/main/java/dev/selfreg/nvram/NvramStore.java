package dev.selfreg.nvram;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where an emulated module keeps its NVRAM image. The module reads the image at boot and writes
 * it whole each time an AT set command saves a setting. Implementations are thread-safe: writes
 * are serialized and each one replaces the image atomically.
 */
public interface NvramStore {

    /** The current image: the last one written, or the one found at open. */
    NvramImage image();

    /**
     * Replaces the whole image. When this returns, the store holds the new image (a file store
     * durably, on disk); if it throws, the store still holds the previous one.
     *
     * @throws NvramException if the image cannot be saved
     */
    void write(NvramImage image);

    /**
     * Applies {@code change} to the current image and writes the result, with no other write in
     * between, so that concurrent read-modify-write sequences do not lose each other's settings.
     *
     * @return the image written
     * @throws NvramException if the image cannot be saved
     */
    NvramImage update(UnaryOperator<NvramImage> change);

    /**
     * What happened at open that a person should know about, such as a corrupt image that was set
     * aside or an image migrated from an older layout; empty when the image was used as found.
     */
    Optional<String> openReport();
}
