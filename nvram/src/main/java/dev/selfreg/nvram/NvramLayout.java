package dev.selfreg.nvram;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A version of the NVRAM layout (which keys exist and what their values mean) together with the
 * migrations that bring an image of any earlier version up to it.
 *
 * <p>Layout 1 is {@link #INITIAL}. Each call to {@link #then(UnaryOperator)} defines the next
 * version by the migration from the previous one, so a layout of version {@code n} carries
 * exactly the {@code n - 1} migrations 1&rarr;2, 2&rarr;3, &hellip;, in order. A migration must
 * be a pure function of the image: if power fails before the migrated image is saved, it runs
 * again on the same input at the next boot.
 */
public final class NvramLayout {

    /** Layout version 1: the first layout, with nothing to migrate from. */
    public static final NvramLayout INITIAL = new NvramLayout(List.of());

    private final List<UnaryOperator<NvramImage>> migrations;

    private NvramLayout(List<UnaryOperator<NvramImage>> migrations) {
        this.migrations = migrations;
    }

    /** The version this layout writes; images of a higher version are refused. */
    public int version() {
        return migrations.size() + 1;
    }

    /** The next layout version, reached from this one by {@code migration}. */
    public NvramLayout then(UnaryOperator<NvramImage> migration) {
        List<UnaryOperator<NvramImage>> next = new ArrayList<>(migrations);
        next.add(Objects.requireNonNull(migration, "migration"));
        return new NvramLayout(List.copyOf(next));
    }

    /** Brings {@code image}, stored under layout {@code fromVersion}, up to this layout. */
    NvramImage migrate(NvramImage image, int fromVersion) {
        NvramImage migrated = image;
        for (int from = fromVersion; from < version(); from++) {
            migrated = Objects.requireNonNull(
                    migrations.get(from - 1).apply(migrated),
                    "migration from layout " + from + " returned null");
        }
        return migrated;
    }

    @Override
    public String toString() {
        return "NvramLayout " + version();
    }
}
