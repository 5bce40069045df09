package dev.selfreg.platform.wire;

import dev.selfreg.protocol.cmdmp.DmCipher;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One device's traffic decoded for people, message by message in the order the platform saw them: the LwM2M
 * Register, the read of object 666 and its answer, Updates, Deregister, ZZHC reports over CoAP and HTTP, the
 * platform's replies, acknowledgements, and CoAP retransmissions marked as such. Endpoint identities, {@code epi} and
 * object 666 values are decrypted where the APPkey is known; a password is never part of it.
 *
 * @param imei the device
 * @param messages its messages, oldest first
 * @param kept how many journal entries they come from (an HTTP exchange is one entry and two messages)
 * @param dropped how many older journal entries were dropped for the bounds
 * @param bounds the journal's bounds
 */
public record DeviceTimeline(String imei, List<Message> messages, int kept, long dropped,
                             WireJournal.Bounds bounds) {

    /**
     * One message on the wire.
     *
     * @param number its place in this timeline, from 1
     * @param time when the platform saw it
     * @param listener {@code ct-coap}, {@code ct-http} or {@code dm}
     * @param fromDevice whether the device sent it (else the platform did)
     * @param from the sender's address and port
     * @param to the receiver's
     * @param kind what it is: {@code register}, {@code update}, {@code deregister}, {@code read}, {@code report},
     *     {@code request} (another CoAP or HTTP request), {@code reply} (an answer to any of them), {@code empty} (an
     *     empty CoAP ACK, RST or ping) or {@code not-coap}
     * @param summary one line for a person
     * @param fields what it carries, decoded, in the order it carries it
     * @param answers the number of the message it answers, if any
     * @param retransmissionOf the number of the message it repeats (same sender, message id and type), if any
     * @param bytes the bytes as they went over the wire (an HTTP message: its head and body)
     */
    public record Message(int number, Instant time, String listener, boolean fromDevice, String from, String to,
                          String kind, String summary, List<Field> fields, Optional<Integer> answers,
                          Optional<Integer> retransmissionOf, byte[] bytes) {
    }

    /** A decoded value: what it is and what it says. */
    public record Field(String name, String value) {
    }

    /** Decodes a device's traffic with the applications' passwords. */
    static DeviceTimeline of(WireJournal.Traffic traffic, Function<String, Optional<DmCipher>> ciphers) {
        return new DeviceTimeline(traffic.imei(), new TimelineDecoder(traffic.imei(), ciphers).decode(traffic.entries()),
                traffic.entries().size(), traffic.dropped(), traffic.bounds());
    }
}
