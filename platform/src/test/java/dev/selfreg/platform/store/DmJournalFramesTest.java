package dev.selfreg.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.platform.store.DmJournalFrames.Entry;
import dev.selfreg.protocol.cmdmp.DmDialect;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DmJournalFramesTest {

    private static final Instant T0 = Instant.parse("2026-12-03T08:00:00.123456789Z");

    static DmEvent event(long id, String endpoint) {
        return new DmEvent(id, T0, endpoint, "869999000000001", "read", "ok", "",
                DmDialect.parse("v2.0-upper+epi-full"));
    }

    static DmDevice device(String endpoint, Map<Integer, String> info) {
        return new DmDevice(endpoint, "869999000000001", null, "M100000000", "I", "registered", 86400, T0,
                T0.plusSeconds(60), "reg-1", true, info, Optional.empty());
    }

    private static ByteBuffer frame(long id, DmEvent event, DmDevice device) {
        byte[] record = DmJournalFrames.record(event, device);
        ByteBuffer frame = ByteBuffer.allocate(DmJournalFrames.frameLength(record));
        DmJournalFrames.putFrame(frame, id, record);
        return frame.flip();
    }

    @Test
    void aFrameReadsBackAsItsEventUnderItsIdAndItsDevice() {
        DmDevice device = device("I@#@abc", Map.of(6601, "interface", 6614, "多字节"));
        Entry entry = DmJournalFrames.next(frame(42, event(0, "I@#@abc"), device));

        assertThat(entry).isEqualTo(new Entry(event(42, "I@#@abc"), device));
    }

    @Test
    void anEventWithoutADeviceReadsBackWithout() {
        Entry entry = DmJournalFrames.next(frame(7, event(0, "e"), null));

        assertThat(entry.device()).isNull();
        assertThat(entry.event()).isEqualTo(event(7, "e"));
    }

    @Test
    void framesOneAfterAnotherReadInTurnAndThenNothing() {
        ByteBuffer two = ByteBuffer.allocate(4096);
        two.put(frame(1, event(0, "a"), null)).put(frame(2, event(0, "b"), device("b", Map.of()))).flip();

        assertThat(DmJournalFrames.next(two).id()).isEqualTo(1);
        assertThat(DmJournalFrames.next(two).id()).isEqualTo(2);
        assertThat(DmJournalFrames.next(two)).isNull();
        assertThat(two.hasRemaining()).isFalse();
    }

    @Property(tries = 200)
    void aFrameCutShortAnywhereIsRefusedAndTheBufferLeftWhereItWas(@ForAll("records") Entry entry,
            @ForAll @IntRange(min = 0, max = 2000) int cut) {
        ByteBuffer whole = frame(entry.id(), entry.event(), entry.device());
        int length = cut % whole.limit();
        ByteBuffer torn = whole.duplicate().limit(length);

        assertThat(DmJournalFrames.next(torn)).isNull();
        assertThat(torn.position()).isZero();
    }

    @Property(tries = 300)
    void anyByteChangedMakesTheFrameRefusedNotMisread(@ForAll("records") Entry entry,
            @ForAll @IntRange(min = 0, max = 2000) int at, @ForAll @IntRange(min = 1, max = 255) int flip) {
        ByteBuffer frame = frame(entry.id(), entry.event(), entry.device());
        int index = at % frame.limit();
        frame.put(index, (byte) (frame.get(index) ^ flip));

        assertThat(DmJournalFrames.next(frame)).isNull();
    }

    @Property(tries = 200)
    void everyRecordReadsBackAsWritten(@ForAll("records") Entry entry) {
        assertThat(DmJournalFrames.next(frame(entry.id(), entry.event(), entry.device()))).isEqualTo(entry);
    }

    @Provide
    Arbitrary<Entry> records() {
        Arbitrary<String> text = Arbitraries.strings().withCharRange(' ', '~').withChars("多字节é@#").ofMaxLength(40);
        Arbitrary<Map<Integer, String>> info = Arbitraries.maps(Arbitraries.integers().between(6601, 6614), text)
                .ofMaxSize(14);
        Arbitrary<Long> ids = Arbitraries.longs().between(1, Long.MAX_VALUE);
        Arbitrary<DmDevice> devices = Combinators.combine(text, info).as((endpoint, values) ->
                new DmDevice(endpoint, null, "460041234567890", null, "I", "registered", 86400, T0, T0,
                        null, false, values, Optional.empty()));
        return Combinators.combine(ids, text, text, devices.injectNull(0.3)).as((id, endpoint, reason, device) ->
                new Entry(new DmEvent(id, T0, endpoint, null, "update", "flagged", reason), device));
    }
}
