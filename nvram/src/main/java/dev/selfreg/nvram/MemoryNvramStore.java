package dev.selfreg.nvram;

import java.util.Optional;

/**
 * An {@link NvramStore} that lives only as long as the object: for unit tests, and for fleets of
 * emulated modules where a file per module would cost more than it is worth.
 */
public final class MemoryNvramStore extends AbstractNvramStore {

    /** A store holding the empty image, as a module fresh from the factory. */
    public MemoryNvramStore() {
        this(NvramImage.empty());
    }

    /** A store holding {@code image}, as if it had been written before. */
    public MemoryNvramStore(NvramImage image) {
        super(image);
    }

    /** Nothing to save: the current image is all there is. */
    @Override
    void save(NvramImage newImage) {
    }

    @Override
    public Optional<String> openReport() {
        return Optional.empty();
    }
}
