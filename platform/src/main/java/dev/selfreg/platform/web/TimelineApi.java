package dev.selfreg.platform.web;

import dev.selfreg.platform.wire.DeviceTimeline;
import dev.selfreg.platform.wire.WireJournal;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HexFormat;
import java.util.List;

/**
 * A device's wire traffic in the REST API: {@code GET /api/devices/{imei}/timeline} is its messages decoded, in
 * order, each with its bytes in hex; {@code GET /api/devices/{imei}/capture.pcapng} the same traffic as a pcapng
 * file Wireshark reads. Both come from the platform's {@link WireJournal}: a device it has not seen has an empty
 * timeline and a capture without packets, not a 404, since the journal starts empty with every platform start.
 */
final class TimelineApi {

    /** The media type of pcapng files (IANA has none registered; this is the one Wireshark's site uses). */
    static final String PCAPNG_CONTENT_TYPE = "application/x-pcapng";

    private final WireJournal journal;

    TimelineApi(WireJournal journal) {
        this.journal = journal;
    }

    void register(Javalin app) {
        app.get("/api/devices/{imei}/timeline", this::timeline);
        app.get("/api/devices/{imei}/capture.pcapng", this::capture);
    }

    /**
     * The timeline's JSON.
     *
     * @param kept how many journal entries of the device are kept (an HTTP exchange is one entry, two messages)
     * @param dropped how many older ones were dropped for the bounds
     * @param perDevice the journal's bound per device
     * @param total its bound for all devices together
     */
    record TimelineView(String imei, int kept, long dropped, int perDevice, int total, List<MessageView> messages) {
    }

    /** One message; {@code direction} is {@code device-to-platform} or {@code platform-to-device}. */
    record MessageView(int number, String time, String listener, String direction, String from, String to,
                       String kind, String summary, List<DeviceTimeline.Field> fields, Integer answers,
                       Integer retransmissionOf, int length, String hex) {
    }

    private void timeline(Context ctx) {
        String imei = DeviceChecksApi.imei(ctx);
        DeviceTimeline timeline = journal.timeline(imei);
        ctx.json(new TimelineView(imei, timeline.kept(), timeline.dropped(), timeline.bounds().perDevice(),
                timeline.bounds().total(), timeline.messages().stream().map(TimelineApi::view).toList()));
    }

    private static MessageView view(DeviceTimeline.Message m) {
        return new MessageView(m.number(), m.time().toString(), m.listener(),
                m.fromDevice() ? "device-to-platform" : "platform-to-device", m.from(), m.to(), m.kind(), m.summary(),
                m.fields(), m.answers().orElse(null), m.retransmissionOf().orElse(null), m.bytes().length,
                HexFormat.of().formatHex(m.bytes()));
    }

    private void capture(Context ctx) throws IOException {
        String imei = DeviceChecksApi.imei(ctx);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        journal.writePcapng(imei, file);
        ctx.contentType(PCAPNG_CONTENT_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + imei + ".pcapng\"")
                .result(file.toByteArray());
    }
}
