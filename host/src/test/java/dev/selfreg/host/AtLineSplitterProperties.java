package dev.selfreg.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** However the bytes of an answer are chunked by the port, the same lines come out. */
class AtLineSplitterProperties {

    @Provide
    Arbitrary<List<String>> lines() {
        return Arbitraries.strings().withCharRange(' ', '~').withChars('\u00e9', '\u4e2d').ofMinLength(1).ofMaxLength(40)
                .list().ofMaxSize(10);
    }

    @Property
    void chunkingDoesNotChangeTheLines(@ForAll("lines") List<String> lines,
                                       @ForAll @Size(max = 20) List<@IntRange(min = 1, max = 7) Integer> chunkSizes) {
        StringBuilder wire = new StringBuilder();
        for (String line : lines) {
            wire.append("\r\n").append(line).append("\r\n");
        }
        byte[] bytes = wire.toString().getBytes(StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        AtLineSplitter splitter = new AtLineSplitter(out::add);
        int offset = 0;
        for (int i = 0; offset < bytes.length; i++) {
            int size = chunkSizes.isEmpty() ? bytes.length : Math.min(chunkSizes.get(i % chunkSizes.size()), bytes.length - offset);
            splitter.accept(bytes, offset, size);
            offset += size;
        }
        assertThat(out).isEqualTo(lines);
    }

    @Property
    void echoTerminatedByCarriageReturnAloneIsALine(@ForAll("lines") List<String> lines) {
        List<String> out = new ArrayList<>();
        AtLineSplitter splitter = new AtLineSplitter(out::add);
        for (String line : lines) {
            byte[] echo = (line + "\r").getBytes(StandardCharsets.UTF_8);
            splitter.accept(echo, 0, echo.length);
        }
        assertThat(out).isEqualTo(lines);
    }
}
