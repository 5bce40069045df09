package dev.selfreg.module.network;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer of the simulated DNS: a destination, or why the name did not resolve.
 *
 * @param destination present on success
 * @param failure     why it failed; empty on success
 */
public record Resolution(Optional<Destination> destination, Optional<String> failure) {

    /** Exactly one of destination and failure. */
    public Resolution {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(failure, "failure");
        if (destination.isPresent() == failure.isPresent()) {
            throw new IllegalArgumentException("a resolution has a destination or a failure");
        }
    }

    static Resolution resolved(Destination destination) {
        return new Resolution(Optional.of(destination), Optional.empty());
    }

    static Resolution failed(String why) {
        return new Resolution(Optional.empty(), Optional.of(why));
    }

    public boolean succeeded() {
        return destination.isPresent();
    }
}
