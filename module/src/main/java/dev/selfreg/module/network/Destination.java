package dev.selfreg.module.network;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a resolved name or an IP address leads in the lab network: a lab service, or nowhere
 * (an address without a route, whose datagrams are lost without a real packet being sent).
 *
 * @param host    the name or address the module asked for
 * @param service the lab service it is routed to, empty when unreachable
 */
public record Destination(String host, Optional<LabService> service) {

    /** Requires every component. */
    public Destination {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(service, "service");
    }
}
