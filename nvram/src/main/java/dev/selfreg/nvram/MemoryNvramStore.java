package dev.selfreg.nvram;

import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * An {@link NvramStore} that lives only as long as the object: for unit tests, and for fleets of
 * emulated modules where a file per module would cost more than it is worth.
 */
public final class MemoryNvramStore implements NvramStore {

    private volatile NvramImage image;

    /** A store holding the empty image, as a module fresh from the factory. */
    public MemoryNvramStore() {
        this(NvramImage.empty());
    }

    /** A store holding {@code image}, as if it had been written before. */
    public MemoryNvramStore(NvramImage image) {
        this.image = Objects.requireNonNull(image, "image");
    }

    @Override
    public NvramImage image() {
        return image;
    }

    @Override
    public synchronized void write(NvramImage image) {
        this.image = Objects.requireNonNull(image, "image");
    }

    @Override
    public synchronized NvramImage update(UnaryOperator<NvramImage> change) {
        NvramImage changed = change.apply(image);
        write(changed);
        return changed;
    }

    @Override
    public Optional<String> openReport() {
        return Optional.empty();
    }
}
