package dev.selfreg.capture.file;

import java.time.Instant;
import java.util.Objects;

/**
 * One packet record of a capture file, as captured: its link-layer bytes (perhaps cut to the snapshot length).
 *
 * @param number its place in the file, 1 for the first packet (Wireshark's {@code frame.number})
 * @param offset where its record starts in the file, for messages about it
 * @param time when it was captured
 * @param linkType the link layer of its interface
 * @param interfaceId the interface it was captured on (0 in a pcap file)
 * @param data the captured bytes
 */
public record Frame(long number, long offset, Instant time, LinkType linkType, int interfaceId, byte[] data) {

    /** Requires the time, link type and data. */
    public Frame {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(linkType, "linkType");
        Objects.requireNonNull(data, "data");
    }
}
