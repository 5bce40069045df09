package dev.selfreg.nvram;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ArbitrarySupplier;
import net.jqwik.api.Tuple;

/** Arbitrary NVRAM images, rich in the characters that the file format has to escape. */
class NvramImages implements ArbitrarySupplier<NvramImage> {

    @Override
    public Arbitrary<NvramImage> get() {
        Arbitrary<String> keys = text(codePoints().filter(c -> c != '\n'), 1, 12);
        Arbitrary<String> values = text(codePoints(), 0, 40);
        return Arbitraries.maps(keys, values).ofMaxSize(8).map(NvramImage::of);
    }

    private static Arbitrary<Integer> codePoints() {
        return Arbitraries.frequencyOf(List.of(
                Tuple.of(3, Arbitraries.of((int) '=', (int) '\\', (int) '\n', (int) '\r')),
                Tuple.of(4, Arbitraries.integers().between(' ', '~')),
                Tuple.of(2, Arbitraries.integers().between(0, 0xFFFF)
                        .filter(c -> !Character.isSurrogate((char) c.intValue()))),
                Tuple.of(1, Arbitraries.integers().between(0x10000, Character.MAX_CODE_POINT))));
    }

    private static Arbitrary<String> text(Arbitrary<Integer> codePoints, int minSize, int maxSize) {
        return codePoints.list().ofMinSize(minSize).ofMaxSize(maxSize).map(list -> {
            StringBuilder text = new StringBuilder();
            list.forEach(text::appendCodePoint);
            return text.toString();
        });
    }
}
