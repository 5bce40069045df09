package dev.selfreg.nvram;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The whole content of an NVRAM: an immutable map from setting keys to values, sorted by key.
 *
 * <p>Keys are non-empty and contain no newline. Keys and values are well-formed UTF-16 (no
 * unpaired surrogate) so that every image survives a round trip through UTF-8 exactly.
 *
 * <p>{@link #toString()} lists the keys only: values may be passwords or keys.
 */
public final class NvramImage {

    private static final NvramImage EMPTY = new NvramImage(new TreeMap<>());

    private final SortedMap<String, String> settings;

    private NvramImage(TreeMap<String, String> settings) {
        this.settings = Collections.unmodifiableSortedMap(settings);
    }

    /** The image of a module fresh from the factory: no settings. */
    public static NvramImage empty() {
        return EMPTY;
    }

    /**
     * An image holding exactly {@code settings}.
     *
     * @throws IllegalArgumentException if a key or value is not allowed
     */
    public static NvramImage of(Map<String, String> settings) {
        TreeMap<String, String> copy = new TreeMap<>();
        settings.forEach((key, value) -> copy.put(checkedKey(key), checkedValue(value)));
        return new NvramImage(copy);
    }

    /** The value of {@code key}, if set. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    /**
     * This image with {@code key} set to {@code value}.
     *
     * @throws IllegalArgumentException if the key or value is not allowed
     */
    public NvramImage with(String key, String value) {
        // Copying is fine: an image holds tens of settings and changes once per AT set command.
        TreeMap<String, String> copy = new TreeMap<>(settings);
        copy.put(checkedKey(key), checkedValue(value));
        return new NvramImage(copy);
    }

    /** This image without {@code key}. */
    public NvramImage without(String key) {
        if (!settings.containsKey(key)) {
            return this;
        }
        TreeMap<String, String> copy = new TreeMap<>(settings);
        copy.remove(key);
        return new NvramImage(copy);
    }

    /** This image without any key starting with {@code prefix}: erases a group of settings. */
    public NvramImage withoutPrefix(String prefix) {
        TreeMap<String, String> copy = new TreeMap<>(settings);
        copy.keySet().removeIf(key -> key.startsWith(prefix));
        return copy.size() == settings.size() ? this : new NvramImage(copy);
    }

    /** All settings, sorted by key; unmodifiable. */
    public SortedMap<String, String> asMap() {
        return settings;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NvramImage image && settings.equals(image.settings);
    }

    @Override
    public int hashCode() {
        return settings.hashCode();
    }

    /** Lists the keys, never the values. */
    @Override
    public String toString() {
        return "NvramImage" + settings.keySet();
    }

    private static String checkedKey(String key) {
        Objects.requireNonNull(key, "key");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("NVRAM key must not be empty");
        }
        if (key.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("NVRAM key must not contain a newline");
        }
        checkWellFormed(key, "key");
        return key;
    }

    private static String checkedValue(String value) {
        Objects.requireNonNull(value, "value");
        checkWellFormed(value, "value");
        return value;
    }

    // An unpaired surrogate has no UTF-8 encoding: it would come back from the file as '?'.
    private static void checkWellFormed(String text, String what) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(
                        "NVRAM " + what + " contains an unpaired surrogate at index " + i);
            }
        }
    }
}
