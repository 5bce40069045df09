package dev.selfreg.platform;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.Arrays;
import org.eclipse.californium.core.coap.Message;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.network.serialization.UdpDataParser;
import org.eclipse.californium.core.network.serialization.UdpDataSerializer;
import org.eclipse.californium.elements.AddressEndpointContext;
import org.eclipse.californium.elements.RawData;

/**
 * A device's side of CoAP on a plain UDP socket, with no CoAP stack of its own: a request goes out exactly as built
 * (its message ID and token kept, so it can be sent again as a retransmission), and what comes back is the raw
 * datagram.
 */
public final class RawCoap {

    private RawCoap() {
    }

    /** Sends {@code request} from {@code device} to 127.0.0.1:{@code port}. */
    public static void send(DatagramSocket device, Request request, int port) throws IOException {
        InetSocketAddress server = new InetSocketAddress("127.0.0.1", port);
        request.setDestinationContext(new AddressEndpointContext(server));
        byte[] datagram = new UdpDataSerializer().serializeRequest(request).getBytes();
        device.send(new DatagramPacket(datagram, datagram.length, server));
    }

    /** The next datagram {@code device} receives, waiting at most 5 s. */
    public static byte[] receive(DatagramSocket device) throws IOException {
        device.setSoTimeout(5000);
        DatagramPacket answer = new DatagramPacket(new byte[1500], 1500);
        device.receive(answer);
        return Arrays.copyOf(answer.getData(), answer.getLength());
    }

    /** The next CoAP message {@code device} receives from 127.0.0.1:{@code port}, parsed. */
    public static Message receiveMessage(DatagramSocket device, int port) throws IOException {
        return new UdpDataParser().parseMessage(RawData.inbound(receive(device),
                new AddressEndpointContext(new InetSocketAddress("127.0.0.1", port)), false, System.nanoTime(),
                (InetSocketAddress) device.getLocalSocketAddress()));
    }
}
