package dev.selfreg.bench;

import dev.selfreg.capture.CaptureCheck;
import dev.selfreg.capture.record.WireRecorder;
import dev.selfreg.checks.Checklist;
import dev.selfreg.checks.Product;
import dev.selfreg.protocol.cmdmp.DmCipher;
import dev.selfreg.protocol.cmdmp.DmEndpointName;
import dev.selfreg.protocol.cmdmp.DmEpi;
import dev.selfreg.protocol.cmdmp.DmRegister;
import dev.selfreg.protocol.cmdmp.TerminalInfo;
import dev.selfreg.protocol.cmdmp.UriQueryOption;
import dev.selfreg.protocol.zzhc.ZzhcReply;
import dev.selfreg.protocol.zzhc.ZzhcReport;
import dev.selfreg.vocabulary.TerminalInfoField;
import dev.selfreg.vocabulary.TerminalType;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.Message;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.coap.Token;
import org.eclipse.californium.core.network.serialization.UdpDataSerializer;
import org.eclipse.leshan.core.model.StaticModel;
import org.eclipse.leshan.core.node.LwM2mObjectInstance;
import org.eclipse.leshan.core.node.LwM2mPath;
import org.eclipse.leshan.core.node.LwM2mResource;
import org.eclipse.leshan.core.node.LwM2mSingleResource;
import org.eclipse.leshan.core.node.codec.DefaultLwM2mEncoder;
import org.eclipse.leshan.core.request.ContentFormat;

/**
 * {@code selfreg check}'s engine on a generated fleet capture against Wireshark's {@code tshark} reading and filtering
 * the same file for CoAP, in the same run. The capture is what a fleet's platform would record (written with the
 * project's {@link WireRecorder}): China Telecom modules reporting to ZZHC once a day (each a daily reboot) and China
 * Mobile modules registering once and updating once a day, each Register and Update followed by the platform's read
 * of {@code /666/0} and its encrypted TLV answer. Two files of the same fleet are judged — a tenth of the days, then
 * all of them — so the peak heap of the two shows whether memory grows with the capture's size.
 *
 * <p>Check's side is {@link CaptureCheck#read} (reading, decoding, deduplicating, decrypting every endpoint name,
 * {@code epi} and object 666 value with the application's password) and then every device judged by every rule.
 */
public final class CaptureThroughput {

    private static final String APP_KEY = "M100000000";
    private static final DmCipher CIPHER = new DmCipher("0123456789ABCDEFGHIJKLMNOPQRSTUV");
    private static final InetSocketAddress CT = new InetSocketAddress("127.0.0.1", 5683);
    private static final InetSocketAddress DM = new InetSocketAddress("127.0.0.1", 5685);
    private static final int DEFAULT_PACKETS = 1_000_000;
    private static final int DEVICES_EACH = 1_000;
    /** Packets a day: a report and its reply per China Telecom module, an update, its answer, a read and its answer per China Mobile one. */
    private static final int PACKETS_A_DAY = DEVICES_EACH * (2 + 4);
    private static final int TLV = 11542;

    private CaptureThroughput() {
    }

    /**
     * @param args {@code [packets] [directory]}: about how many packets the large capture holds (default 1,000,000),
     *     where the captures are written (default a temporary directory, removed at the end)
     */
    public static void main(String[] args) throws Exception {
        int packets = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PACKETS;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("capture-bench");
        try {
            Path small = dir.resolve("fleet-small.pcapng");
            Path large = dir.resolve("fleet.pcapng");
            long smallPackets = write(small, days(packets / 10));
            long largePackets = write(large, days(packets));
            Heap smallHeap = liveHeap(small);
            Heap largeHeap = liveHeap(large);
            System.out.printf("fleet of %d China Telecom and %d China Mobile modules: %s %,d packets (%,d MB), %s"
                            + " %,d packets (%,d MB)%n", DEVICES_EACH, DEVICES_EACH, small.getFileName(), smallPackets,
                    Files.size(small) >> 20, large.getFileName(), largePackets, Files.size(large) >> 20);
            check(small); // warm-up
            Judged first = check(small);
            Judged second = check(large);
            System.out.printf("check   %-18s %,10d packets/s, peak heap %,5d MB, %d devices judged%n",
                    small.getFileName(), first.perSecond(), first.peakHeapMb(), first.devices());
            System.out.printf("check   %-18s %,10d packets/s, peak heap %,5d MB, %d devices judged%n",
                    large.getFileName(), second.perSecond(), second.peakHeapMb(), second.devices());
            System.out.printf("live heap after GC, the most at any tenth of reading / after judging: %s %,d / %,d MB,"
                            + " %s %,d / %,d MB%n", small.getFileName(), smallHeap.reading(), smallHeap.judged(),
                    large.getFileName(), largeHeap.reading(), largeHeap.judged());
            long tshark = tshark(large, largePackets);
            System.out.printf("tshark  %-18s %,10d packets/s (-r FILE -Y coap)%n", large.getFileName(), tshark);
            System.out.printf("check / tshark: %.2f%n", (double) second.perSecond() / tshark);
        } finally {
            if (args.length <= 1) {
                try (var files = Files.list(dir)) {
                    for (Path file : files.toList()) {
                        Files.delete(file);
                    }
                }
                Files.delete(dir);
            }
        }
    }

    private static int days(int packets) {
        return Math.max(1, packets / PACKETS_A_DAY);
    }

    /** What judging one capture took. */
    private record Judged(long perSecond, long peakHeapMb, int devices) {
    }

    private static Judged check(Path capture) throws IOException {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        CaptureCheck.Judged findings;
        try (InputStream in = Files.newInputStream(capture)) {
            findings = CaptureCheck.judge(in, CaptureThroughput::cipher, Product.UNDECLARED);
        }
        int judged = 0;
        for (Checklist checklist : findings.checklists()) {
            judged += checklist.results().isEmpty() ? 0 : 1;
        }
        long nanos = System.nanoTime() - start;
        long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        return new Judged(findings.frames() * 1_000_000_000L / nanos, peak >> 20, judged);
    }

    /** Live heap, in MB: the most while reading, and with every device's checklist made. */
    private record Heap(long reading, long judged) {
    }

    /**
     * Reads and judges the capture once more, untimed, collecting garbage at each tenth of the file and after
     * judging: the heap the reading and its results really hold, which the peak of a timed run (garbage included)
     * does not say.
     */
    private static Heap liveHeap(Path capture) throws IOException {
        long size = Files.size(capture);
        long[] most = new long[1];
        InputStream sampling = new FilterInputStream(Files.newInputStream(capture)) {
            private long read;
            private long nextSample = size / 10;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                read += Math.max(0, n);
                if (read >= nextSample) {
                    nextSample += size / 10;
                    most[0] = Math.max(most[0], usedAfterGc());
                }
                return n;
            }
        };
        List<Checklist> checklists;
        try (sampling) {
            checklists = CaptureCheck.judge(sampling, CaptureThroughput::cipher, Product.UNDECLARED).checklists();
        }
        long judged = usedAfterGc();
        Reference.reachabilityFence(checklists);
        return new Heap(most[0] >> 20, judged >> 20);
    }

    private static Optional<DmCipher> cipher(String appKey) {
        return APP_KEY.equals(appKey) ? Optional.of(CIPHER) : Optional.empty();
    }

    private static long usedAfterGc() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** tshark reading the whole file and filtering it for CoAP (both platform ports decoded as CoAP), its output discarded. */
    private static long tshark(Path capture, long packets) throws Exception {
        long start = System.nanoTime();
        Process process = new ProcessBuilder("tshark", "-r", capture.toString(), "-d", "udp.port==" + DM.getPort()
                + ",coap", "-Y", "coap").redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(1, TimeUnit.HOURS) || process.exitValue() != 0) {
            throw new IOException("tshark failed");
        }
        return packets * 1_000_000_000L / (System.nanoTime() - start);
    }

    /** Writes {@code days} of the fleet's traffic; returns the packets written. */
    private static long write(Path file, int days) throws IOException {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
        List<Device> devices = new ArrayList<>();
        for (int i = 0; i < 2 * DEVICES_EACH; i++) {
            devices.add(new Device(i));
        }
        long packets = 0;
        try (WireRecorder wire = WireRecorder.open(file, Long.MAX_VALUE, clock)) {
            for (int day = 0; day < days; day++) {
                for (Device device : devices) {
                    clock.now = Instant.parse("2026-12-01T00:00:00Z").plus(Duration.ofDays(day))
                            .plusMillis(device.number * 20L);
                    packets += device.day(wire, day);
                }
            }
        }
        return packets;
    }

    /** One module of the fleet: its address, identity, the messages it and the platform send. */
    private static final class Device {
        final int number;
        final String imei;
        final String imsi;
        final InetSocketAddress address;
        final boolean chinaTelecom;
        final byte[] terminalInfo;
        int mid;

        Device(int number) {
            this.number = number;
            this.imei = String.format("8699981%08d", number);
            this.imsi = String.format("4600%d%010d", number < DEVICES_EACH ? 11 : 4, number);
            this.address = new InetSocketAddress("127.0." + (1 + number / 250) + "." + (1 + number % 250), 40_000);
            this.chinaTelecom = number < DEVICES_EACH;
            this.terminalInfo = chinaTelecom ? null : terminalInfoTlv();
        }

        /** One day's traffic: the report and its reply, or (Register on the first) an Update and the read after it. */
        int day(WireRecorder wire, int day) {
            if (chinaTelecom) {
                Request post = Request.newPost();
                post.getOptions().addUriPath("nb");
                post.setPayload(ZzhcReport.v2(imei, "QTL-BC260Y CN", "BC260YCNAAR01A04",
                        String.format("898603%014d", number), imsi).encode());
                Response reply = new Response(CoAP.ResponseCode.CHANGED);
                reply.setPayload(ZzhcReply.SUCCESS.encode());
                exchange(wire, "ct-coap", CT, post, reply);
                return 2;
            }
            Request request = Request.newPost();
            Response answer;
            if (day == 0) {
                request.getOptions().addUriPath(DmRegister.PATH);
                String ep = DmEndpointName.build(TerminalType.INTERFACE, imei, imsi, APP_KEY, CIPHER).text();
                new DmRegister(ep, 86_400 + 46).queryOptions()
                        .forEach(q -> request.getOptions().addUriQuery(q.text()));
                request.getOptions().setContentFormat(DmRegister.CONTENT_FORMAT);
                request.setPayload(DmRegister.PAYLOAD);
                answer = new Response(CoAP.ResponseCode.CREATED);
                answer.getOptions().addLocationPath("rd").addLocationPath("d" + number);
            } else {
                request.getOptions().addUriPath("rd").addUriPath("d" + number);
                request.getOptions().addUriQuery(new UriQueryOption(DmEpi.QUERY_KEY,
                        DmEpi.shortForm(imei, imsi, CIPHER).value()).text());
                answer = new Response(CoAP.ResponseCode.CHANGED);
            }
            exchange(wire, "dm", DM, request, answer);
            Request read = Request.newGet();
            read.getOptions().addUriPath("666").addUriPath("0").setAccept(TLV);
            Response content = new Response(CoAP.ResponseCode.CONTENT);
            content.getOptions().setContentFormat(TLV);
            content.setPayload(terminalInfo);
            wire.datagram("dm", DM, address, false, bytes(read, CoAP.Type.CON));
            wire.datagram("dm", DM, address, true, bytes(content, CoAP.Type.ACK));
            return 4;
        }

        /** The module's request to the platform and the platform's piggybacked answer. */
        private void exchange(WireRecorder wire, String listener, InetSocketAddress server, Request request,
                Response answer) {
            wire.datagram(listener, server, address, true, bytes(request, CoAP.Type.CON));
            wire.datagram(listener, server, address, false, bytes(answer, CoAP.Type.ACK));
        }

        private byte[] bytes(Message message, CoAP.Type type) {
            message.setType(type);
            if (type == CoAP.Type.CON) {
                mid = (mid + 1) & 0xFFFF;
            }
            message.setMID(mid);
            message.setToken(Token.fromProvider(Integer.toHexString(number << 16 | mid)
                    .getBytes(StandardCharsets.US_ASCII)));
            return new UdpDataSerializer().getByteArray(message);
        }

        private static byte[] terminalInfoTlv() {
            TerminalInfo info = TerminalInfo.unset(TerminalType.INTERFACE)
                    .with(TerminalInfoField.MAC, "00:50:56:C0:00:01").with(TerminalInfoField.NET_TYPE, "NB-IoT");
            List<LwM2mResource> resources = new ArrayList<>();
            info.encrypt(CIPHER).forEach((id, value) -> resources.add(LwM2mSingleResource.newStringResource(id, value)));
            return new DefaultLwM2mEncoder().encode(new LwM2mObjectInstance(TerminalInfo.INSTANCE_ID, resources),
                    ContentFormat.TLV, new LwM2mPath(TerminalInfo.OBJECT_ID, TerminalInfo.INSTANCE_ID),
                    new StaticModel(TerminalInfo.objectModel()));
        }
    }

    /** The capture's time: set before each exchange is written. */
    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
