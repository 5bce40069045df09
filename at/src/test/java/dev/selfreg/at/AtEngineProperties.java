package dev.selfreg.at;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class AtEngineProperties {

    private static AtTerminal<List<String>> terminal() {
        return new AtTerminal<>(new AtCommandSet<List<String>>().add(new AtEngineTest.Level()), new ArrayList<>());
    }

    private static long finalResultCodes(String output) {
        return Arrays.stream(output.split("\r\n"))
                .filter(l -> l.equals("OK") || l.equals("ERROR") || l.startsWith("+CME ERROR:"))
                .count();
    }

    @Property(tries = 300)
    void randomBytesNeverBreakTheEngine(@ForAll @Size(max = 3000) byte[] noise) {
        AtTerminal<List<String>> host = terminal();
        host.engine.receive(noise);
        assertThat(host.type("\rAT\r")).endsWith("\r\nOK\r\n");
    }

    @Provide
    Arbitrary<String> lineBodies() {
        Arbitrary<String> random = Arbitraries.strings().all().excludeChars('\r').ofMaxLength(1100);
        Arbitrary<String> commandLike = Arbitraries.of("+LEVEL", "+LEVEL?", "+LEVEL=?", "+LEVEL=", "+CMEE=", "E", "+", "")
                .flatMap(prefix -> Arbitraries.strings().withChars("0123456789,\" ?=+-abc").ofMaxLength(12)
                        .map(tail -> prefix + tail));
        return Arbitraries.oneOf(random, commandLike);
    }

    @Property(tries = 300)
    void everyLineEndsInExactlyOneFinalResultCode(@ForAll @Size(max = 12) List<@From("lineBodies") String> bodies) {
        AtTerminal<List<String>> host = terminal();
        host.command("AT");
        StringBuilder typed = new StringBuilder();
        for (String body : bodies) {
            typed.append("AT").append(body).append('\r');
        }
        assertThat(finalResultCodes(host.type(typed.toString()))).isEqualTo(bodies.size());
        assertThat(host.command("AT")).endsWith("\r\nOK\r\n");
    }

    @Provide
    Arbitrary<String> chainable() {
        return Arbitraries.of("+LEVEL", "+LEVEL?", "+LEVEL=?", "+LEVEL=", "+CMEE=", "+CMEE?", "E", "+NOPE", "+")
                .flatMap(prefix -> Arbitraries.strings().withChars("0123456789, ?=+-abc").ofMaxLength(6)
                        .map(tail -> prefix + tail));
    }

    /**
     * A chain answers what its commands answer one by one, up to the first that fails: their
     * information lines in order and the final result of the last one run (V.25ter §5.2.1).
     */
    @Property(tries = 300)
    void aChainAnswersLikeItsCommandsOneByOneUpToTheFirstError(
            @ForAll @Size(min = 1, max = 6) List<@From("chainable") String> commands) {
        AtEngine<List<String>> chain = terminal().engine;
        AtEngine<List<String>> oneByOne = terminal().engine;

        AtResponse answer = chain.dispatch(String.join(";", commands));

        List<String> lines = new ArrayList<>();
        AtResponse last = null;
        for (String command : commands) {
            last = oneByOne.dispatch(command);
            lines.addAll(last.lines());
            if (!last.isOk()) {
                break;
            }
        }
        assertThat(answer.lines()).isEqualTo(lines);
        assertThat(answer.isOk()).isEqualTo(last.isOk());
        assertThat(answer.error()).isEqualTo(last.error());
    }
}
