package dev.selfreg.capture.record;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import org.eclipse.californium.elements.Connector;
import org.eclipse.californium.elements.EndpointContextMatcher;
import org.eclipse.californium.elements.RawData;
import org.eclipse.californium.elements.RawDataChannel;

/**
 * A Californium connector that hands each datagram it sends and receives to the {@link WireRecorder} too: the bytes
 * as they go over the wire, retransmissions and datagrams that are not CoAP included.
 */
final class RecordingConnector implements Connector {

    private final Connector connector;
    private final WireRecorder recorder;
    private final String listener;

    RecordingConnector(Connector connector, WireRecorder recorder, String listener) {
        this.connector = connector;
        this.recorder = recorder;
        this.listener = listener;
    }

    @Override
    public void start() throws IOException {
        connector.start();
    }

    @Override
    public void stop() {
        connector.stop();
    }

    @Override
    public void destroy() {
        connector.destroy();
    }

    @Override
    public void send(RawData message) {
        recorder.listenerDatagram(listener, connector.getAddress(), message.getInetSocketAddress(), false, message.getBytes());
        connector.send(message);
    }

    @Override
    public void setRawDataReceiver(RawDataChannel receiver) {
        connector.setRawDataReceiver(message -> {
            recorder.listenerDatagram(listener, connector.getAddress(), message.getInetSocketAddress(), true,
                    message.getBytes());
            receiver.receiveData(message);
        });
    }

    @Override
    public void setEndpointContextMatcher(EndpointContextMatcher matcher) {
        connector.setEndpointContextMatcher(matcher);
    }

    @Override
    public InetSocketAddress getAddress() {
        return connector.getAddress();
    }

    @Override
    public String getProtocol() {
        return connector.getProtocol();
    }

    @Override
    public boolean isRunning() {
        return connector.isRunning();
    }

    @Override
    public void processDatagram(DatagramPacket datagram) {
        connector.processDatagram(datagram);
    }
}
