package dev.selfreg.platform.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.selfreg.platform.LabPlatform;
import dev.selfreg.platform.RawCoap;
import dev.selfreg.protocol.cmdmp.DmCipher;
import dev.selfreg.protocol.cmdmp.DmRegister;
import dev.selfreg.protocol.cmdmp.TerminalInfo;
import dev.selfreg.protocol.zzhc.ZzhcReport;
import dev.selfreg.vocabulary.TerminalInfoField;
import dev.selfreg.vocabulary.TerminalType;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.leshan.core.model.StaticModel;
import org.eclipse.leshan.core.node.LwM2mObjectInstance;
import org.eclipse.leshan.core.node.LwM2mPath;
import org.eclipse.leshan.core.node.LwM2mResource;
import org.eclipse.leshan.core.node.LwM2mSingleResource;
import org.eclipse.leshan.core.node.codec.DefaultLwM2mEncoder;
import org.eclipse.leshan.core.request.ContentFormat;

/**
 * Real clients talking to a running platform, with the spec's test vectors (cmcc-dm-wire.md, "Test vectors"): a ZZHC
 * report over CoAP (Californium's client, and once sent twice as a retransmission), one over HTTP (Java's client), and
 * a CMDMP device that registers, is read, and updates (a Californium endpoint serving {@code /666/0}).
 */
public final class SampleTraffic {

    public static final String PASSWORD = "0123456789ABCDEFGHIJKLMNOPQRSTUV";
    public static final String APP_KEY = "M100000000";
    public static final String DM_APP = APP_KEY + "=" + PASSWORD;
    public static final String DM_IMEI = "869999000000001";
    public static final String DM_IMSI = "460041234567890";
    public static final String EP = "I@#@8WMBcM8GMURsdyvO/mxuyHxWDnTlfhNI6xlGRZoFKwdxNY8TzbALdiUSZ3XyXEXx@#@M100000000"
            + "@#@869999000000001@#@v2.0";
    public static final String EPI = "8WMBcM8GMURsdyvO/mxuyHxWDnTlfhNI6xlGRZoFKweAUOw4IHmdNHyggaZ08qTS";
    /** The network type the device's object 666 answers with, decrypted on the platform's side. */
    public static final String NET_TYPE = "NB-IoT";

    private SampleTraffic() {
    }

    /** A v2 ZZHC report of {@code imei} over CoAP, answered success. */
    public static void coapReport(int port, String imei) throws Exception {
        CoapClient client = new CoapClient("coap://127.0.0.1:" + port + "/nb");
        try {
            CoapResponse reply = client.post(report(imei).encode(), MediaTypeRegistry.UNDEFINED);
            assertThat(reply.getResponseText()).contains("\"resultCode\":\"0\"");
        } finally {
            client.shutdown();
        }
    }

    /** A v2 ZZHC report of {@code imei} over CoAP sent twice with the same message id: the second a retransmission. */
    public static void retransmittedCoapReport(int port, String imei) throws Exception {
        try (DatagramSocket device = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            Request post = Request.newPost();
            post.setMID(4242);
            post.setToken(new byte[] {0x0A, 0x0B});
            post.getOptions().addUriPath("nb");
            post.setPayload(report(imei).encode());
            RawCoap.send(device, post, port);
            RawCoap.receive(device);
            RawCoap.send(device, post, port);
            RawCoap.receive(device);
        }
    }

    /** A v2 ZZHC report of {@code imei} over HTTP, answered success. */
    public static void httpReport(int port, String imei) throws Exception {
        HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/"))
                .header("Content-Type", "application/encrypted-json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(ZzhcReport.v2(imei, "Quectel-BC260Y-CN",
                        "BC260YCNAAR01A04", "89860321000000000002", "460111234567891").encode())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reply.body()).contains("\"resultCode\":\"0\"");
    }

    private static ZzhcReport report(String imei) {
        return ZzhcReport.v2(imei, "Quectel-BC260Y-CN", "BC260YCNAAR01A04", "89860321000000000001", "460111234567890");
    }

    /** The test vectors' device: serves /666/0, registers, then updates once the platform has read it. */
    public static void dmDevice(LabPlatform platform) throws Exception {
        CoapServer device = new CoapServer();
        CoapEndpoint endpoint = new CoapEndpoint.Builder().setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0))
                .build();
        device.addEndpoint(endpoint);
        CoapResource object = new CoapResource("666");
        object.add(new CoapResource("0") {
            @Override
            public void handleGET(CoapExchange exchange) {
                exchange.respond(CoAP.ResponseCode.CONTENT, terminalInfoTlv(), ContentFormat.TLV_CODE);
            }
        });
        device.add(object);
        device.start();
        CoapClient client = new CoapClient();
        client.setEndpoint(endpoint);
        try {
            String base = "coap://127.0.0.1:" + platform.ports().get("dm");
            Request register = Request.newPost();
            register.setURI(base + "/rd");
            new DmRegister(EP, 300).queryOptions().forEach(q -> register.getOptions().addUriQuery(q.text()));
            register.getOptions().setContentFormat(DmRegister.CONTENT_FORMAT);
            register.setPayload(DmRegister.PAYLOAD);
            CoapResponse created = client.advanced(register);
            assertThat(created.getCode()).isEqualTo(CoAP.ResponseCode.CREATED);
            await().atMost(Duration.ofSeconds(10)).until(() -> reads(platform) == 1);
            Request update = Request.newPost();
            update.setURI(base + "/" + created.getOptions().getLocationPathString());
            update.getOptions().addUriQuery("epi=" + EPI);
            assertThat(client.advanced(update).getCode()).isEqualTo(CoAP.ResponseCode.CHANGED);
            await().atMost(Duration.ofSeconds(10)).until(() -> reads(platform) == 2);
        } finally {
            client.shutdown();
            device.destroy();
        }
    }

    private static long reads(LabPlatform platform) {
        return platform.records().store().dmEvents(100).stream().filter(e -> e.kind().equals("read")).count();
    }

    /**
     * tshark's fields of every packet of a capture of the platform's traffic, one line each, {@code |} between the
     * fields: CoAP decoded on the platform's UDP ports and HTTP on its report port, those of them {@code ports} names
     * ({@code ct-coap}, {@code dm}, {@code ct-http}; other names are left to tshark's own guesses).
     */
    public static List<String> tshark(Path capture, Map<String, Integer> ports, String... fields) throws Exception {
        List<String> command = new ArrayList<>(List.of("tshark", "-r", capture.toString()));
        Map.of("ct-coap", "udp.port==%d,coap", "dm", "udp.port==%d,coap", "ct-http", "tcp.port==%d,http")
                .forEach((listener, decodeAs) -> {
                    if (ports.containsKey(listener)) {
                        command.addAll(List.of("-d", String.format(decodeAs, ports.get(listener))));
                    }
                });
        command.addAll(List.of("-T", "fields", "-E", "separator=|"));
        for (String field : fields) {
            command.add("-e");
            command.add(field);
        }
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("tshark's exit").isZero();
        return out.lines().toList();
    }

    /** Object 666 as the device answers it: TLV, every value encrypted with the application's password. */
    public static byte[] terminalInfoTlv() {
        TerminalInfo info = TerminalInfo.unset(TerminalType.INTERFACE).with(TerminalInfoField.NET_TYPE, NET_TYPE);
        List<LwM2mResource> resources = new ArrayList<>();
        info.encrypt(new DmCipher(PASSWORD)).forEach((id, value) ->
                resources.add(LwM2mSingleResource.newStringResource(id, value)));
        return new DefaultLwM2mEncoder().encode(new LwM2mObjectInstance(TerminalInfo.INSTANCE_ID, resources),
                ContentFormat.TLV, new LwM2mPath(TerminalInfo.OBJECT_ID, TerminalInfo.INSTANCE_ID),
                new StaticModel(TerminalInfo.objectModel()));
    }
}
