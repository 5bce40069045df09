package dev.selfreg.module;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.nvram.NvramImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Whatever a host types, the module answers each command line with exactly one final result
 * code, never fails inside, and a line answered with an error leaves NVRAM as it was
 * (at-commands.md §1 and §4: "a rejected command never writes a partial config"); whatever
 * noise precedes it, {@code AT<CR>} is answered {@code OK}.
 */
class ModuleProperties {

    /**
     * Every command of the module, in both dialects, but those that reboot or switch it off
     * ({@code +QRST}, {@code +QPOWD}) and those that would turn echo on ({@code E}, {@code Z},
     * {@code &F}).
     */
    private static final List<String> NAMES = List.of("+QSREGENABLE", "+QDMPCFG", "+QDMPCFGEX", "+CFUN", "+QSCLK",
            "+CEREG", "+CMEE", "+CGMI", "+CGMM", "+CGMR", "+CGSN", "+GSN", "+CIMI", "+QCCID", "+CPIN", "+CGATT", "+CSQ",
            "+CESQ", "+CGPADDR", "+CGDCONT", "+COPS", "+QBAND", "+QENG", "+QIDNSCFG", "+CPSMS", "+CEDRXS", "+CEDRXRDP",
            "+QCFG", "+QATWAKEUP", "+QNBIOTEVENT", "+QRELLOCK", "I", "", "+CCLK", "+QCCLK", "+IPR", "&W", "+QSREGENABLEX",
            "+QCGDEFCONT", "+SM",
            "+FOO");

    private static final String OK = TestBench.framed("OK");
    private static final Pattern FINAL = Pattern.compile("OK|ERROR|\\+CME ERROR: .*");

    @Property(tries = 200)
    void everyLineGetsExactlyOneFinalResultAndAnErrorWritesNothing(@ForAll("sessions") List<String> lines,
                                                                   @ForAll AtDialect dialect) {
        TestBench bench = new TestBench(ModuleProfile.standard().withAtDialect(dialect));
        for (String line : lines) {
            NvramImage before = bench.nvram.image();

            String answer = bench.at(line);

            List<String> answerLines = framedLines(line, answer);
            List<String> finals = answerLines.stream().filter(l -> FINAL.matcher(l).matches()).toList();
            assertThat(finals).as("final result codes of %s in %s", line, answer).hasSize(1);
            assertThat(answerLines.get(answerLines.size() - 1)).as("last line of the answer to %s", line)
                    .isEqualTo(finals.get(0));
            if (!finals.get(0).equals("OK")) {
                assertThat(bench.nvram.image()).as("NVRAM after %s answered %s", line, finals.get(0))
                        .isEqualTo(before);
            }
            assertThat(bench.module.atInternalErrors()).as("commands that hit a bug").isZero();
        }
    }

    /**
     * Commands chained on one line with {@code ;} answer what they answer one by one up to the
     * first that fails, with one final result, and leave NVRAM as the same commands one by one
     * do (V.25ter §5.2.1, at-commands.md §1).
     */
    @Property(tries = 100)
    void aChainAnswersAndSavesLikeItsCommandsOneByOneUpToTheFirstError(@ForAll("chains") List<String> commands,
                                                                       @ForAll AtDialect dialect) {
        ModuleProfile profile = ModuleProfile.standard().withAtDialect(dialect);
        TestBench chained = new TestBench(profile);
        TestBench oneByOne = new TestBench(profile);

        String answer = chained.at("AT" + commands.stream().map(c -> c.substring(2)).collect(Collectors.joining(";")));

        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < commands.size(); i++) {
            String single = oneByOne.at(commands.get(i));
            boolean ok = single.endsWith(OK);
            expected.append(ok && i < commands.size() - 1 ? single.substring(0, single.length() - OK.length()) : single);
            if (!ok) {
                break;
            }
        }
        assertThat(answer).as("answer to the chain %s", commands).isEqualTo(expected.toString());
        assertThat(chained.nvram.image()).isEqualTo(oneByOne.nvram.image());
        assertThat(chained.module.atInternalErrors()).isZero();
    }

    @Property(tries = 200)
    void attentionAfterAnyNoiseIsAnsweredOk(@ForAll("noise") byte[] noise) {
        TestBench bench = new TestBench();
        bench.takeOutput();
        byte[] attention = "\rAT\r".getBytes(StandardCharsets.US_ASCII);

        bench.module.receiveFromHost(noise, 0, noise.length);
        bench.module.receiveFromHost(attention, 0, attention.length);

        assertThat(bench.takeOutput()).endsWith("\r\nOK\r\n");
    }

    // ---- generators ------------------------------------------------------------------------

    @Provide
    Arbitrary<List<String>> sessions() {
        return commandLine().list().ofMinSize(1).ofMaxSize(8);
    }

    /** Commands that mean the same alone and in a chain: no blank ones, quotes balanced. */
    @Provide
    Arbitrary<List<String>> chains() {
        return commandLine()
                .filter(command -> !command.substring(2).isBlank() && command.chars().filter(c -> c == '"').count() % 2 == 0)
                .list().ofMinSize(2).ofMaxSize(5);
    }

    private static Arbitrary<String> commandLine() {
        Arbitrary<String> name = Combinators.combine(Arbitraries.of(NAMES), Arbitraries.of(true, false))
                .as((n, lower) -> lower ? n.toLowerCase(Locale.ROOT) : n);
        Arbitrary<String> form = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just("")),
                Tuple.of(1, Arbitraries.just("?")),
                Tuple.of(1, Arbitraries.just("=?")),
                Tuple.of(6, parameter().list().ofMinSize(0).ofMaxSize(7)
                        .map(params -> "=" + String.join(",", params))));
        Arbitrary<String> anyCommand = Combinators.combine(Arbitraries.of("AT", "at", "At"), name, form)
                .as((at, n, f) -> at + n + f);
        Arbitrary<String> selected = Combinators.combine(
                        Arbitraries.of("AT+QDMPCFG=", "AT+QDMPCFGEX=", "AT+QBAND=", "AT+CGPADDR=", "AT+QIDNSCFG="),
                        Arbitraries.integers().between(0, 7),
                        Arbitraries.integers().between(0, 3),
                        parameter().list().ofMinSize(0).ofMaxSize(5))
                .as((command, type, second, rest) -> command + type + "," + second
                        + rest.stream().map(p -> "," + p).collect(Collectors.joining()));
        Arbitrary<String> powerSaving = Combinators.combine(
                        Arbitraries.of("AT+QCFG=\"dsevent\"", "AT+QCFG=\"slplocktimes\"", "AT+QCFG=\"wakeupRXD\"",
                                "AT+CPSMS=1,,", "AT+CPSMS=0,,,\"01000011\"", "AT+CEDRXS=1", "AT+CEDRXS=2,5"),
                        parameter().list().ofMinSize(0).ofMaxSize(3))
                .as((command, rest) -> command + rest.stream().map(p -> "," + p).collect(Collectors.joining()));
        return Arbitraries.frequencyOf(Tuple.of(3, anyCommand), Tuple.of(2, selected), Tuple.of(1, powerSaving));
    }

    private static Arbitrary<String> parameter() {
        Arbitrary<String> smallInt = Arbitraries.integers().between(-3, 8).map(String::valueOf);
        Arbitrary<String> bigInt = Arbitraries.oneOf(
                Arbitraries.of("65535", "65536", "4294966", "4294967", "2147483647", "2147483648",
                        "4294967296", "9223372036854775807", "9223372036854775808", "18446744073709551617",
                        "99999999999999999999999", "00000000000000000001", "-9223372036854775808"),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(40));
        Arbitrary<String> text = Arbitraries.strings()
                .withChars("abcXYZ019 ,;|-.:_中")
                .withChars('\u00e9')
                .ofMinLength(0).ofMaxLength(70);
        Arbitrary<String> quoted = text.map(s -> "\"" + s + "\"");
        Arbitrary<String> bare = Arbitraries.strings().withChars("abcXYZ0189.-_?").ofMinLength(1).ofMaxLength(20);
        Arbitrary<String> odd = Arbitraries.of("", " ", "?", "\"", "\"unterminated", "\"a\"b", "=", "+", "\"\"",
                "863703030822519", "\"863703030822519\"", "86370303082251A", "\"10.0.0.1\"", "2001:db8::1", "\"1:2:3\"",
                "\"999.1.1.1\"", "::", "\"g::1\"", "\"01000011\"", "00000001", "\"0100001\"", "\"0010\"", "\"0100\"",
                "\"dsevent\"", "\"slplocktimes\"", "\"wakeupRXD\"", "\"WakeupRxd\"");
        return Arbitraries.frequencyOf(
                Tuple.of(5, smallInt),
                Tuple.of(2, bigInt),
                Tuple.of(4, quoted),
                Tuple.of(2, bare),
                Tuple.of(2, odd));
    }

    @Provide
    Arbitrary<byte[]> noise() {
        Arbitrary<byte[]> randomBytes = Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(64);
        Arbitrary<byte[]> tokens = Arbitraries.of("AT", "at", "A", "T", "\r", "\n", "\r\n", "\b", "\"", ",", "=", "?",
                        "+QDMPCFG=", "+QDMPCFGEX=1,0,\"", "+QSREGENABLE", "A/", "ATE", "1", "\u00e4", "x".repeat(600))
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> longLine = Arbitraries.integers().between(1000, 1100)
                .map(n -> ("AT+QDMPCFGEX=0,0,\"" + "y".repeat(n)).getBytes(StandardCharsets.US_ASCII));
        return Arbitraries.frequencyOf(
                        Tuple.of(4, randomBytes),
                        Tuple.of(6, tokens),
                        Tuple.of(1, longLine))
                .list().ofMinSize(0).ofMaxSize(20)
                .map(chunks -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    chunks.forEach(out::writeBytes);
                    return out.toByteArray();
                })
                .filter(bytes -> !containsReset(bytes));
    }

    /** Noise that happens to spell a reset would reboot the unit and end in RDY, not OK. */
    private static boolean containsReset(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1).toUpperCase(Locale.ROOT);
        return text.contains("QRST");
    }

    // ---- helpers ---------------------------------------------------------------------------

    /** The answer cut into its {@code <CR><LF>line<CR><LF>} frames; fails if it is not made of frames. */
    private static List<String> framedLines(String line, String answer) {
        List<String> lines = new ArrayList<>();
        int at = 0;
        while (at < answer.length()) {
            assertThat(answer.startsWith("\r\n", at)).as("frame start at %d of the answer to %s: %s", at, line, answer)
                    .isTrue();
            int end = answer.indexOf("\r\n", at + 2);
            assertThat(end).as("frame end in the answer to %s: %s", line, answer).isPositive();
            lines.add(answer.substring(at + 2, end));
            at = end + 2;
        }
        assertThat(lines).as("answer to %s", line).isNotEmpty();
        return lines;
    }
}
