package dev.selfreg.module.network;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.EmptyMessage;
import org.eclipse.californium.core.coap.Message;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.coap.Token;
import org.eclipse.californium.core.network.serialization.UdpDataParser;
import org.eclipse.californium.core.network.serialization.UdpDataSerializer;

/**
 * A CoAP peer on loopback that answers each datagram with what its script says, byte for byte
 * as told, and records everything it received: for the answers a well-behaved server never
 * gives (Reset, duplicates, a separate response on cue).
 */
final class ScriptedPeer implements AutoCloseable {

    private final DatagramSocket socket;
    private final List<Message> received = new CopyOnWriteArrayList<>();
    private final UdpDataSerializer serializer = new UdpDataSerializer();

    private ScriptedPeer(Function<Message, List<Message>> script) throws SocketException {
        socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        Thread thread = new Thread(() -> serve(script), "scripted-peer");
        thread.setDaemon(true);
        thread.start();
    }

    static ScriptedPeer start(Function<Message, List<Message>> script) throws SocketException {
        return new ScriptedPeer(script);
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** Every message received so far, in order. */
    List<Message> received() {
        return List.copyOf(received);
    }

    private void serve(Function<Message, List<Message>> script) {
        byte[] buffer = new byte[2048];
        UdpDataParser parser = new UdpDataParser();
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                Message message = parser.parseMessage(Arrays.copyOf(packet.getData(), packet.getLength()));
                received.add(message);
                for (Message answer : script.apply(message)) {
                    byte[] bytes = serializer.getByteArray(answer);
                    socket.send(new DatagramPacket(bytes, bytes.length, packet.getSocketAddress()));
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    /** A piggybacked 2.05 answer to {@code request}. */
    static Response piggybacked(Message request, String payload) {
        Response response = new Response(ResponseCode.CONTENT);
        response.setType(Type.ACK);
        response.setMID(request.getMID());
        response.setToken(request.getToken());
        response.setPayload(payload);
        return response;
    }

    /** An empty message of {@code type} with {@code request}'s MID. */
    static EmptyMessage empty(Type type, Message request) {
        EmptyMessage message = new EmptyMessage(type);
        message.setMID(request.getMID());
        message.setToken(Token.EMPTY);
        return message;
    }

    /** A separate confirmable 2.05 response to {@code request}, with a MID of the peer's own. */
    static Response separate(Message request, int mid, String payload) {
        Response response = new Response(ResponseCode.CONTENT);
        response.setType(Type.CON);
        response.setMID(mid);
        response.setToken(request.getToken());
        response.setPayload(payload);
        return response;
    }

    @Override
    public void close() {
        socket.close();
    }
}
