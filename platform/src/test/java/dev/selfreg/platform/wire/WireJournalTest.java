package dev.selfreg.platform.wire;

import static dev.selfreg.platform.wire.SampleTraffic.APP_KEY;
import static dev.selfreg.platform.wire.SampleTraffic.DM_APP;
import static dev.selfreg.platform.wire.SampleTraffic.DM_IMEI;
import static dev.selfreg.platform.wire.SampleTraffic.DM_IMSI;
import static dev.selfreg.platform.wire.SampleTraffic.EP;
import static dev.selfreg.platform.wire.SampleTraffic.EPI;
import static dev.selfreg.platform.wire.SampleTraffic.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.platform.dm.DmApplications;
import dev.selfreg.platform.wire.DeviceTimeline.Field;
import dev.selfreg.platform.wire.DeviceTimeline.Message;
import dev.selfreg.protocol.cmdmp.DmRegister;
import dev.selfreg.protocol.zzhc.ZzhcReply;
import dev.selfreg.protocol.zzhc.ZzhcReport;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.EmptyMessage;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.coap.Token;
import org.eclipse.californium.core.network.serialization.UdpDataSerializer;
import org.eclipse.leshan.core.request.ContentFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The platform's wire journal told of datagrams and HTTP exchanges as its listeners' tap tells them (CoAP built and
 * serialised by Californium): which device each belongs to, the order and bounds it keeps them in, and the decoded
 * timeline, with the spec's test vectors.
 */
class WireJournalTest {

    private static final InetSocketAddress DM = address(5685);
    private static final InetSocketAddress CT = address(5683);
    private static final InetSocketAddress HTTP = address(9999);
    private static final InetSocketAddress DEVICE = address(40001);
    private static final InetSocketAddress MOVED = address(40002);
    private static final InetSocketAddress STRANGER = address(40003);
    private static final String CT_IMEI = "869999000000003";

    private final List<WireJournal> journals = new ArrayList<>();
    private final WireJournal journal = journal(WireJournal.DEFAULT_BOUNDS);
    private Instant now = Instant.parse("2026-12-02T06:00:00Z");
    private int nextMid = 100;

    @Test
    void aDevicesMessagesAreKeptInTheOrderTheListenersSawThemEachReplyNamingItsRequest() {
        registeredReadUpdatedAndDeregistered(journal, DEVICE);

        DeviceTimeline timeline = journal.timeline(DM_IMEI);

        assertThat(timeline.messages()).extracting(Message::kind).containsExactly("register", "reply", "read",
                "reply", "update", "reply", "deregister", "reply");
        assertThat(timeline.messages()).extracting(Message::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(timeline.messages()).extracting(m -> m.answers().orElse(0)).containsExactly(0, 1, 0, 3, 0, 5, 0,
                7);
        assertThat(timeline.messages()).extracting(Message::fromDevice).containsExactly(true, false, false, true,
                true, false, true, false);
        assertThat(timeline.messages()).extracting(Message::time).isSorted();
        assertThat(timeline.messages().get(1).summary()).isEqualTo("2.01 Created, registered at /rd/reg1");
    }

    @Test
    void whatThePlatformSendsToARegisteredAddressBelongsToThatDevice() {
        journal.datagram(tick(), "dm", DM, DEVICE, true, bytes(register(EP)));
        journal.datagram(tick(), "dm", DM, STRANGER, true, bytes(register(EP.replace(DM_IMEI, "869999000000009"))));
        journal.datagram(tick(), "dm", DM, DEVICE, false, bytes(read()));

        assertThat(journal.timeline(DM_IMEI).messages()).extracting(Message::kind).containsExactly("register",
                "read");
        assertThat(journal.timeline("869999000000009").messages()).extracting(Message::kind)
                .containsExactly("register");
    }

    @Test
    void anUpdateFromAnotherAddressBelongsToTheDeviceRegisteredAtItsLocation() {
        Request register = register(EP);
        journal.datagram(tick(), "dm", DM, DEVICE, true, bytes(register));
        journal.datagram(tick(), "dm", DM, DEVICE, false, bytes(created(register, "reg1")));
        Request update = update("reg1", EPI);
        journal.datagram(tick(), "dm", DM, MOVED, true, bytes(update));
        journal.datagram(tick(), "dm", DM, MOVED, false, bytes(reply(update, CoAP.ResponseCode.CHANGED)));

        assertThat(journal.timeline(DM_IMEI).messages()).extracting(Message::from).containsExactly(
                "127.0.0.1:40001", "127.0.0.1:5685", "127.0.0.1:40002", "127.0.0.1:5685");
    }

    @Test
    void aZzhcReportBelongsToTheImeiItNamesOverCoapAndOverHttpWithThePlatformsReply() {
        Request post = report(CT_IMEI);
        journal.datagram(tick(), "ct-coap", CT, DEVICE, true, bytes(post));
        journal.datagram(tick(), "ct-coap", CT, DEVICE, false, bytes(zzhcReply(post)));
        journal.httpExchange("ct-http", HTTP, MOVED, tick(), tick(), httpRequest(CT_IMEI), httpResponse());

        List<Message> messages = journal.timeline(CT_IMEI).messages();

        assertThat(messages).extracting(Message::kind).containsExactly("report", "reply", "report", "reply");
        assertThat(messages).extracting(Message::summary).containsExactly(
                "ZZHC report over CoAP, REGVER 2 to /nb", "2.05 Content: resultCode 0 (Success)",
                "ZZHC report over HTTP, REGVER 2", "200 OK: resultCode 0 (Success)");
        assertThat(messages.get(0).fields()).contains(new Field("MEID", CT_IMEI),
                new Field("SIM1ICCID", "89860321000000000001"));
        assertThat(messages.get(3).answers()).contains(3);
    }

    @Test
    void trafficThatNamesNoDeviceIsCountedAndNotKept() {
        journal.datagram(tick(), "dm", DM, DEVICE, true, bytes(register("a-plain-lwm2m-client")));
        journal.datagram(tick(), "dm", DM, DEVICE, false, bytes(read()));
        journal.datagram(tick(), "ct-coap", CT, STRANGER, true, "not CoAP".getBytes(StandardCharsets.US_ASCII));

        assertThat(journal.unattributed()).isEqualTo(3);
        assertThat(journal.traffic(DM_IMEI).entries()).isEmpty();
    }

    @Test
    void aRepeatedConfirmableAndTheRepeatedAnswerAreMarkedRetransmissionsOfTheFirst() {
        Request post = report(CT_IMEI);
        Response answer = zzhcReply(post);
        journal.datagram(tick(), "ct-coap", CT, DEVICE, true, bytes(post));
        journal.datagram(tick(), "ct-coap", CT, DEVICE, false, bytes(answer));
        journal.datagram(tick(), "ct-coap", CT, DEVICE, true, bytes(post));
        journal.datagram(tick(), "ct-coap", CT, DEVICE, false, bytes(answer));

        List<Message> messages = journal.timeline(CT_IMEI).messages();

        assertThat(messages).extracting(m -> m.retransmissionOf().orElse(0)).containsExactly(0, 0, 1, 2);
        assertThat(messages.get(2).summary()).startsWith("retransmission: ZZHC report");
        assertThat(messages.get(3).answers()).contains(1);
    }

    @Test
    void anEmptyAcknowledgementAnswersTheConfirmableWithItsMessageId() {
        Request register = register(EP);
        journal.datagram(tick(), "dm", DM, DEVICE, true, bytes(register));
        EmptyMessage acknowledgement = EmptyMessage.newACK(register);
        acknowledgement.setToken(Token.EMPTY);
        journal.datagram(tick(), "dm", DM, DEVICE, false, bytes(acknowledgement));

        Message ack = journal.timeline(DM_IMEI).messages().get(1);

        assertThat(ack.kind()).isEqualTo("empty");
        assertThat(ack.summary()).isEqualTo("empty ACK");
        assertThat(ack.answers()).contains(1);
    }

    @Test
    void eachDeviceKeepsItsNewestEntriesAndCountsTheOnesDropped() {
        WireJournal small = journal(new WireJournal.Bounds(3, 100));
        registeredReadUpdatedAndDeregistered(small, DEVICE);

        DeviceTimeline timeline = small.timeline(DM_IMEI);

        assertThat(timeline.messages()).extracting(Message::kind).containsExactly("reply", "deregister", "reply");
        assertThat(timeline.dropped()).isEqualTo(5);
        assertThat(timeline.kept()).isEqualTo(3);
    }

    @Test
    void theJournalDropsTheOldestEntriesOfAllDevicesBeyondItsTotal() {
        WireJournal small = journal(new WireJournal.Bounds(10, 4));
        Request first = report(CT_IMEI);
        small.datagram(tick(), "ct-coap", CT, STRANGER, true, bytes(first));
        small.datagram(tick(), "ct-coap", CT, STRANGER, false, bytes(zzhcReply(first)));
        Request register = register(EP);
        small.datagram(tick(), "dm", DM, DEVICE, true, bytes(register));
        small.datagram(tick(), "dm", DM, DEVICE, false, bytes(created(register, "reg1")));
        small.datagram(tick(), "dm", DM, DEVICE, false, bytes(read()));

        assertThat(small.traffic(CT_IMEI).entries()).hasSize(1);
        assertThat(small.traffic(CT_IMEI).dropped()).isEqualTo(1);
        assertThat(small.traffic(DM_IMEI).entries()).hasSize(3);
        assertThat(small.traffic(DM_IMEI).dropped()).isZero();
    }

    @Test
    void listenerThreadsTellingAtOnceLoseNothingAndKeepEachDevicesOrder() throws Exception {
        List<Thread> listeners = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            String imei = "86999900000010" + t;
            InetSocketAddress device = address(41000 + t);
            List<Request> posts = new ArrayList<>();
            for (int i = 0; i < 250; i++) {
                posts.add(report(imei));
            }
            listeners.add(new Thread(() -> posts.forEach(post -> {
                journal.datagram(Instant.EPOCH, "ct-coap", CT, device, true, bytes(post));
                journal.datagram(Instant.EPOCH, "ct-coap", CT, device, false, bytes(zzhcReply(post)));
            })));
        }
        listeners.forEach(Thread::start);
        for (Thread listener : listeners) {
            listener.join();
        }

        for (int t = 0; t < 4; t++) {
            List<Message> messages = journal.timeline("86999900000010" + t).messages();
            assertThat(messages).hasSize(500).extracting(Message::kind).containsOnly("report", "reply");
            assertThat(messages).allSatisfy(m -> assertThat(m.kind()).isEqualTo(m.number() % 2 == 1 ? "report"
                    : "reply"));
            assertThat(messages).allSatisfy(m -> assertThat(m.answers().orElse(m.number() - 1))
                    .isEqualTo(m.number() - 1));
        }
        assertThat(journal.fellBehind()).isZero();
    }

    @Test
    void aClosedJournalTakesNothingMoreAndStillShowsWhatItKept() {
        Request post = report(CT_IMEI);
        journal.datagram(tick(), "ct-coap", CT, DEVICE, true, bytes(post));
        journal.timeline(CT_IMEI);

        journal.close();
        journal.datagram(tick(), "ct-coap", CT, DEVICE, false, bytes(zzhcReply(post)));

        assertThat(journal.timeline(CT_IMEI).messages()).extracting(Message::kind).containsExactly("report");
    }

    @Test
    void theEndpointIdentityTheEpiAndObject666AreDecryptedWithTheApplicationsPassword() {
        registeredReadUpdatedAndDeregistered(journal, DEVICE);

        List<Message> messages = journal.timeline(DM_IMEI).messages();

        assertThat(messages.get(0).fields()).contains(new Field("ep", EP), new Field("lt", "300"),
                new Field("APPkey", APP_KEY), new Field("IMEI (in the clear)", DM_IMEI),
                new Field("identity decrypted", "IMEI " + DM_IMEI + ", IMSI " + DM_IMSI));
        assertThat(messages.get(3).summary()).isEqualTo("2.05 Content: object 666, 14 values decrypted");
        assertThat(messages.get(3).fields()).contains(new Field("6611 netType", SampleTraffic.NET_TYPE));
        assertThat(messages.get(4).fields()).contains(new Field("epi", EPI))
                .anySatisfy(f -> assertThat(f.name() + ": " + f.value())
                        .startsWith("epi decrypted: IMEI " + DM_IMEI + ", IMSI " + DM_IMSI));
    }

    @Test
    void anIdentityOfAnUnknownAppKeyIsShownNotDecrypted() {
        WireJournal knowsNothing = journal(DmApplications.none(), WireJournal.DEFAULT_BOUNDS);
        registeredReadUpdatedAndDeregistered(knowsNothing, DEVICE);

        List<Message> messages = knowsNothing.timeline(DM_IMEI).messages();

        assertThat(messages.get(0).fields()).contains(new Field("identity decrypted",
                "not decrypted: the platform does not know APPkey " + APP_KEY));
        assertThat(messages.get(3).summary()).contains("not decrypted: unknown APPkey " + APP_KEY);
    }

    @Test
    void thePasswordIsInNoMessageNoFieldNoBytesAndNotInThePcapng() throws Exception {
        registeredReadUpdatedAndDeregistered(journal, DEVICE);
        // a module configured with APPkey and password swapped sends the password in its endpoint name
        journal.datagram(tick(), "dm", DM, MOVED, true, bytes(register(EP.replace("@#@" + APP_KEY + "@#@",
                "@#@" + PASSWORD + "@#@"))));

        DeviceTimeline timeline = journal.timeline(DM_IMEI);
        ByteArrayOutputStream pcapng = new ByteArrayOutputStream();
        journal.writePcapng(DM_IMEI, pcapng);

        assertThat(timeline.messages()).hasSize(9);
        assertThat(timeline.messages().get(8).fields()).contains(new Field("APPkey", "*".repeat(PASSWORD.length())));
        assertThat(timeline.messages().stream().flatMap(m -> Stream.concat(Stream.of(m.summary(),
                        new String(m.bytes(), StandardCharsets.ISO_8859_1), m.toString()),
                m.fields().stream().flatMap(f -> Stream.of(f.name(), f.value())))))
                .noneMatch(text -> text.contains(PASSWORD));
        assertThat(pcapng.toString(StandardCharsets.ISO_8859_1)).doesNotContain(PASSWORD);
    }

    // ---- traffic ----

    /** Register, 2.01, the platform's read of /666/0 and its TLV answer, an Update, 2.04, Deregister, 2.02. */
    private void registeredReadUpdatedAndDeregistered(WireJournal to, InetSocketAddress device) {
        Request register = register(EP);
        to.datagram(tick(), "dm", DM, device, true, bytes(register));
        to.datagram(tick(), "dm", DM, device, false, bytes(created(register, "reg1")));
        Request read = read();
        to.datagram(tick(), "dm", DM, device, false, bytes(read));
        Response content = reply(read, CoAP.ResponseCode.CONTENT);
        content.getOptions().setContentFormat(ContentFormat.TLV_CODE);
        content.setPayload(SampleTraffic.terminalInfoTlv());
        to.datagram(tick(), "dm", DM, device, true, bytes(content));
        Request update = update("reg1", EPI);
        to.datagram(tick(), "dm", DM, device, true, bytes(update));
        to.datagram(tick(), "dm", DM, device, false, bytes(reply(update, CoAP.ResponseCode.CHANGED)));
        Request deregister = confirmable(Request.newDelete());
        deregister.getOptions().addUriPath("rd").addUriPath("reg1");
        to.datagram(tick(), "dm", DM, device, true, bytes(deregister));
        to.datagram(tick(), "dm", DM, device, false, bytes(reply(deregister, CoAP.ResponseCode.DELETED)));
    }

    private Request register(String endpoint) {
        Request register = confirmable(Request.newPost());
        register.getOptions().addUriPath(DmRegister.PATH);
        new DmRegister(endpoint, 300).queryOptions().forEach(q -> register.getOptions().addUriQuery(q.text()));
        register.getOptions().setContentFormat(DmRegister.CONTENT_FORMAT);
        register.setPayload(DmRegister.PAYLOAD);
        return register;
    }

    private Request update(String location, String epi) {
        Request update = confirmable(Request.newPost());
        update.getOptions().addUriPath("rd").addUriPath(location).addUriQuery("epi=" + epi);
        return update;
    }

    private Request read() {
        Request read = confirmable(Request.newGet());
        read.getOptions().addUriPath("666").addUriPath("0");
        return read;
    }

    private Request report(String imei) {
        Request post = confirmable(Request.newPost());
        post.getOptions().addUriPath("nb");
        post.setPayload(ZzhcReport.v2(imei, "Quectel-BC260Y-CN", "BC260YCNAAR01A04", "89860321000000000001",
                "460111234567890").encode());
        return post;
    }

    private Request confirmable(Request request) {
        int mid = nextMid++;
        request.setMID(mid);
        request.setToken(new byte[] {(byte) (mid >> 8), (byte) mid});
        return request;
    }

    private static Response created(Request register, String location) {
        Response created = reply(register, CoAP.ResponseCode.CREATED);
        created.getOptions().addLocationPath("rd").addLocationPath(location);
        return created;
    }

    private static Response zzhcReply(Request post) {
        Response reply = reply(post, CoAP.ResponseCode.CONTENT);
        reply.setPayload(ZzhcReply.SUCCESS.encode());
        return reply;
    }

    /** A piggybacked answer. */
    private static Response reply(Request request, CoAP.ResponseCode code) {
        Response response = new Response(code);
        response.setType(CoAP.Type.ACK);
        response.setMID(request.getMID());
        response.setToken(request.getToken());
        return response;
    }

    private static byte[] httpRequest(String imei) {
        byte[] body = ZzhcReport.v2(imei, "Quectel-BC260Y-CN", "BC260YCNAAR01A04", "89860321000000000002",
                "460111234567891").encode();
        return concat("POST / HTTP/1.1\r\nContent-Type: application/encrypted-json\r\nContent-Length: " + body.length
                + "\r\n\r\n", body);
    }

    private static byte[] httpResponse() {
        byte[] body = ZzhcReply.SUCCESS.encode();
        return concat("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\n\r\n", body);
    }

    private static byte[] concat(String head, byte[] body) {
        byte[] bytes = new byte[head.length() + body.length];
        System.arraycopy(head.getBytes(StandardCharsets.ISO_8859_1), 0, bytes, 0, head.length());
        System.arraycopy(body, 0, bytes, head.length(), body.length);
        return bytes;
    }

    private static byte[] bytes(org.eclipse.californium.core.coap.Message message) {
        return new UdpDataSerializer().getByteArray(message);
    }

    private Instant tick() {
        now = now.plus(Duration.ofMillis(10));
        return now;
    }

    private WireJournal journal(WireJournal.Bounds bounds) {
        return journal(DmApplications.parse(List.of(DM_APP)), bounds);
    }

    private WireJournal journal(DmApplications applications, WireJournal.Bounds bounds) {
        WireJournal opened = new WireJournal(applications, bounds);
        journals.add(opened);
        return opened;
    }

    @AfterEach
    void closeJournals() {
        journals.forEach(WireJournal::close);
    }

    private static InetSocketAddress address(int port) {
        return new InetSocketAddress("127.0.0.1", port);
    }
}
