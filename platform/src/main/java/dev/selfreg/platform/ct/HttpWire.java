package dev.selfreg.platform.ct;

import dev.selfreg.capture.record.WireRecorder;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP exchange of the ZZHC service as it went over the wire, for the {@link WireRecorder}: Jetty hands over the
 * parsed request, so its bytes are written again from the request line, headers and body received (the body's
 * length as {@code Content-Length}), the response from its status, content type and body.
 */
final class HttpWire {

    private HttpWire() {
    }

    static void record(WireRecorder wire, Context ctx, Instant receivedAt, byte[] reply) {
        InetSocketAddress server = new InetSocketAddress(ctx.req().getLocalAddr(), ctx.req().getLocalPort());
        InetSocketAddress client = new InetSocketAddress(ctx.req().getRemoteAddr(), ctx.req().getRemotePort());
        byte[] body = ctx.bodyAsBytes();
        StringBuilder head = new StringBuilder(ctx.method() + " " + ctx.req().getRequestURI() + " "
                + ctx.req().getProtocol() + "\r\n");
        for (Map.Entry<String, String> header : ctx.headerMap().entrySet()) {
            if (!header.getKey().toLowerCase(Locale.ROOT).equals("content-length")) {
                head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
            }
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        String status = "HTTP/1.1 " + ctx.statusCode() + " " + ctx.status().getMessage() + "\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + reply.length + "\r\n\r\n";
        wire.httpExchange("ct-http", server, client, receivedAt, concat(head.toString(), body),
                concat(status, reply));
    }

    private static byte[] concat(String head, byte[] body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        bytes.writeBytes(body);
        return bytes.toByteArray();
    }
}
