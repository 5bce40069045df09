package dev.selfreg.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Bad input as jqwik arbitraries: valid seeds (the specs' test vectors) with one to four mutations stacked on them,
 * or random bytes. The mutations are the usual fuzzer's: a flipped bit pattern, a byte set to one that parsers
 * care about, a token inserted (extreme numbers, separators, quotes), random bytes inserted, a range deleted or
 * repeated (up to far beyond any size limit), the input cut, or a piece of another seed spliced in.
 */
final class Mutations {

    /** Bytes that parsers branch on: NUL, the sign bit, quotes, separators, line ends, a UTF-8 lead byte. */
    private static final byte[] INTERESTING = {0, (byte) 0xff, 0x7f, (byte) 0x80, '"', '\\', ',', '=', '@', '#', '{',
        '}', '[', ']', ':', ';', '?', '&', '\r', '\n', ' ', '%', (byte) 0xc3, (byte) 0xe2};
    private static final List<String> TOKENS = List.of("-1", "0", "4294967296", "99999999999999999999", "1e400",
            "\"\"", ",,,", "null", "=?", "?", "@#@", "\"\\u0000\"", "{}", "[]", "%s%n", "\u00e9\u20ac", "\ud83d\ude00");

    private Mutations() {
    }

    /** Mostly mutated seeds, a quarter random bytes up to {@code maxRandom} long. */
    static Arbitrary<byte[]> of(List<byte[]> seeds, int maxRandom) {
        return Arbitraries.frequencyOf(
                Tuple.of(3, mutated(seeds)),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(maxRandom)));
    }

    /** A seed with one to four mutations. */
    static Arbitrary<byte[]> mutated(List<byte[]> seeds) {
        return Combinators.combine(Arbitraries.of(seeds), mutation(seeds).list().ofMinSize(1).ofMaxSize(4))
                .as((seed, mutations) -> {
                    byte[] input = seed.clone();
                    for (UnaryOperator<byte[]> mutation : mutations) {
                        input = mutation.apply(input);
                    }
                    return input;
                });
    }

    private static Arbitrary<UnaryOperator<byte[]>> mutation(List<byte[]> seeds) {
        Arbitrary<Integer> at = Arbitraries.integers().between(0, Integer.MAX_VALUE);
        Arbitrary<Integer> length = Arbitraries.integers().between(1, 64);
        Arbitrary<UnaryOperator<byte[]>> flip = Combinators.combine(at, Arbitraries.integers().between(1, 255))
                .as((where, mask) -> input -> edited(input, where, 1, b -> new byte[] {(byte) (b[0] ^ mask)}));
        Arbitrary<UnaryOperator<byte[]>> interesting = Combinators.combine(at, Arbitraries.of(boxed(INTERESTING)))
                .as((where, value) -> input -> edited(input, where, 1, b -> new byte[] {value}));
        Arbitrary<UnaryOperator<byte[]>> token = Combinators.combine(at, Arbitraries.of(TOKENS))
                .as((where, text) -> input -> inserted(input, where, text.getBytes(StandardCharsets.UTF_8)));
        Arbitrary<UnaryOperator<byte[]>> randomBytes = Combinators.combine(at,
                        Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(64))
                .as((where, bytes) -> input -> inserted(input, where, bytes));
        Arbitrary<UnaryOperator<byte[]>> delete = Combinators.combine(at, length)
                .as((where, count) -> input -> edited(input, where, count, b -> new byte[0]));
        Arbitrary<UnaryOperator<byte[]>> repeat = Combinators.combine(at, length,
                        Arbitraries.integers().between(2, 400))
                .as((where, count, times) -> input -> edited(input, where, count, b -> repeated(b, times)));
        Arbitrary<UnaryOperator<byte[]>> cut = at.map(where -> input -> input.length == 0 ? input
                : Arrays.copyOf(input, where % input.length));
        Arbitrary<UnaryOperator<byte[]>> splice = Combinators.combine(at, Arbitraries.of(seeds), at, length)
                .as((where, other, from, count) -> input -> other.length == 0 ? input
                        : inserted(input, where, Arrays.copyOfRange(other, from % other.length,
                                Math.min(other.length, from % other.length + count))));
        return Arbitraries.oneOf(List.of(flip, interesting, token, randomBytes, delete, repeat, cut, splice));
    }

    /** {@code input} with the {@code count} bytes at {@code where} (modulo its length) replaced by {@code with}. */
    private static byte[] edited(byte[] input, int where, int count, UnaryOperator<byte[]> with) {
        if (input.length == 0) {
            return input;
        }
        int from = where % input.length;
        int to = Math.min(input.length, from + count);
        byte[] replacement = with.apply(Arrays.copyOfRange(input, from, to));
        ByteArrayOutputStream out = new ByteArrayOutputStream(input.length + replacement.length);
        out.write(input, 0, from);
        out.writeBytes(replacement);
        out.write(input, to, input.length - to);
        return out.toByteArray();
    }

    private static byte[] inserted(byte[] input, int where, byte[] bytes) {
        int at = where % (input.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(input.length + bytes.length);
        out.write(input, 0, at);
        out.writeBytes(bytes);
        out.write(input, at, input.length - at);
        return out.toByteArray();
    }

    private static byte[] repeated(byte[] bytes, int times) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * times);
        for (int i = 0; i < times; i++) {
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    private static Byte[] boxed(byte[] bytes) {
        Byte[] boxed = new Byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            boxed[i] = bytes[i];
        }
        return boxed;
    }
}
