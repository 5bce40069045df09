package dev.selfreg.nvram;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What every {@link NvramStore} shares: the current image, writes serialized on the store, and
 * {@link #update} as one read-modify-write under the same lock. A subclass only says how an
 * image is saved; the current image changes only once that has succeeded.
 */
abstract class AbstractNvramStore implements NvramStore {

    private volatile NvramImage image;

    AbstractNvramStore(NvramImage initial) {
        this.image = Objects.requireNonNull(initial, "image");
    }

    /**
     * Saves {@code newImage} where the store keeps it. If it throws, what was saved before is
     * still there.
     *
     * @throws NvramException if the image cannot be saved
     */
    abstract void save(NvramImage newImage);

    /** The image found where the store keeps it, at open: current without being saved again. */
    final void startFrom(NvramImage found) {
        image = Objects.requireNonNull(found, "image");
    }

    @Override
    public final NvramImage image() {
        return image;
    }

    @Override
    public final synchronized void write(NvramImage newImage) {
        Objects.requireNonNull(newImage, "image");
        save(newImage);
        image = newImage;
    }

    @Override
    public final synchronized NvramImage update(UnaryOperator<NvramImage> change) {
        NvramImage changed = change.apply(image);
        write(changed);
        return changed;
    }
}
