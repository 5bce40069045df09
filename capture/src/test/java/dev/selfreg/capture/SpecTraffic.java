package dev.selfreg.capture;

import dev.selfreg.protocol.cmdmp.DmCipher;
import dev.selfreg.protocol.cmdmp.DmRegister;
import dev.selfreg.protocol.cmdmp.TerminalInfo;
import dev.selfreg.protocol.cmdmp.UriQueryOption;
import dev.selfreg.protocol.zzhc.ZzhcReply;
import dev.selfreg.vocabulary.TerminalType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.Message;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.coap.Token;
import org.eclipse.californium.core.network.serialization.UdpDataSerializer;
import org.eclipse.leshan.core.model.StaticModel;
import org.eclipse.leshan.core.node.LwM2mObjectInstance;
import org.eclipse.leshan.core.node.LwM2mPath;
import org.eclipse.leshan.core.node.LwM2mSingleResource;
import org.eclipse.leshan.core.node.codec.DefaultLwM2mEncoder;
import org.eclipse.leshan.core.request.ContentFormat;

/**
 * The specs' test vectors as the bytes of CoAP messages (Californium's serializer), in the order a module and the lab
 * platform exchange them: the ZZHC report of ct-zzhc-wire.md and its reply; the DM Register with the endpoint of
 * cmcc-dm-wire.md, its 2.01, the platform's read of /666/0 and its TLV answer, the Update with the short epi, its
 * 2.04.
 */
final class SpecTraffic {

    static final String IMEI = "869999000000001";
    static final String APP_KEY = "M100000000";
    static final String PASSWORD = "0123456789ABCDEFGHIJKLMNOPQRSTUV";
    static final String REPORT = "eyJSRUdWRVIiOiIyIiwiTUVJRCI6Ijg2OTk5OTAwMDAwMDAwMSIsIk1PREVMIjoiUXVlY3RlbC1CQzI2MFktQ04iLCJTV1ZFUiI6IkJDMjYwWUNOQUFSMDFBMDQiLCJTSU0xSUNDSUQiOiI4OTg2MDMyMTAwMDAwMDAwMDAwMSIsIlNJTTFMVEVJTVNJIjoiNDYwMTExMjM0NTY3ODkwIn0=";
    static final String EP = "I@#@8WMBcM8GMURsdyvO/mxuyHxWDnTlfhNI6xlGRZoFKwdxNY8TzbALdiUSZ3XyXEXx@#@M100000000"
            + "@#@869999000000001@#@v2.0";
    static final String EPI = "8WMBcM8GMURsdyvO/mxuyHxWDnTlfhNI6xlGRZoFKweAUOw4IHmdNHyggaZ08qTS";
    static final int TLV = 11542;

    /** One message and which way it goes. */
    record Packet(boolean fromModule, byte[] bytes) {
    }

    private SpecTraffic() {
    }

    static List<Packet> ctReport() {
        return ctReport(0x1001, "a1");
    }

    /** The report and its reply as one exchange of the given message id and token. */
    static List<Packet> ctReport(int mid, String token) {
        Request post = Request.newPost();
        post.setType(CoAP.Type.CON);
        post.getOptions().addUriPath("nb");
        post.setPayload(REPORT);
        Response ack = new Response(CoAP.ResponseCode.CHANGED);
        ack.setPayload(ZzhcReply.SUCCESS.encode());
        return List.of(new Packet(true, bytes(post, mid, token)), new Packet(false, ack(ack, mid, token)));
    }

    static List<Packet> dmRegisterReadUpdate() {
        List<Packet> packets = new ArrayList<>();
        Request register = Request.newPost();
        register.setType(CoAP.Type.CON);
        register.getOptions().addUriPath(DmRegister.PATH);
        new DmRegister(EP, 86_400).queryOptions().forEach(q -> register.getOptions().addUriQuery(q.text()));
        register.getOptions().setContentFormat(DmRegister.CONTENT_FORMAT);
        register.setPayload(DmRegister.PAYLOAD);
        Response created = new Response(CoAP.ResponseCode.CREATED);
        created.getOptions().addLocationPath("rd").addLocationPath("Xk3p");
        packets.add(new Packet(true, bytes(register, 0x2001, "b1")));
        packets.add(new Packet(false, ack(created, 0x2001, "b1")));
        packets.addAll(read(0x3001, "c1"));
        Request update = Request.newPost();
        update.setType(CoAP.Type.CON);
        update.getOptions().addUriPath("rd").addUriPath("Xk3p");
        update.getOptions().addUriQuery(new UriQueryOption("epi", EPI).text());
        packets.add(new Packet(true, bytes(update, 0x2002, "b2")));
        packets.add(new Packet(false, ack(new Response(CoAP.ResponseCode.CHANGED), 0x2002, "b2")));
        packets.addAll(read(0x3002, "c2"));
        return packets;
    }

    private static List<Packet> read(int mid, String token) {
        Request get = Request.newGet();
        get.setType(CoAP.Type.CON);
        get.getOptions().addUriPath("666").addUriPath("0").setAccept(TLV);
        Response content = new Response(CoAP.ResponseCode.CONTENT);
        content.getOptions().setContentFormat(TLV);
        content.setPayload(terminalInfoTlv());
        return List.of(new Packet(false, bytes(get, mid, token)), new Packet(true, ack(content, mid, token)));
    }

    /** The module's object 666 with the spec's MAC and network type, encrypted with the test password, as TLV. */
    static byte[] terminalInfoTlv() {
        TerminalInfo info = TerminalInfo.unset(TerminalType.INTERFACE)
                .with(dev.selfreg.vocabulary.TerminalInfoField.MAC, "00:50:56:C0:00:01")
                .with(dev.selfreg.vocabulary.TerminalInfoField.NET_TYPE, "4G");
        List<org.eclipse.leshan.core.node.LwM2mResource> resources = new ArrayList<>();
        for (Map.Entry<Integer, String> value : info.encrypt(new DmCipher(PASSWORD)).entrySet()) {
            resources.add(LwM2mSingleResource.newStringResource(value.getKey(), value.getValue()));
        }
        return new DefaultLwM2mEncoder().encode(new LwM2mObjectInstance(TerminalInfo.INSTANCE_ID, resources),
                ContentFormat.TLV, new LwM2mPath(TerminalInfo.OBJECT_ID, TerminalInfo.INSTANCE_ID),
                new StaticModel(TerminalInfo.objectModel()));
    }

    private static byte[] bytes(Message message, int mid, String token) {
        message.setMID(mid);
        message.setToken(Token.fromProvider(token.getBytes(StandardCharsets.US_ASCII)));
        return new UdpDataSerializer().getByteArray(message);
    }

    private static byte[] ack(Response response, int mid, String token) {
        response.setType(CoAP.Type.ACK);
        return bytes(response, mid, token);
    }
}
