package dev.selfreg.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The command/response matcher and the unsolicited lines, over the emulator and over scripted peers. */
class AtChannelTest {

    private static final AtChannelOptions NO_RETRY = EmulatedModule.OPTIONS.withRetryAfterSilence(false);
    /** A real URC (the BC26's DNS result, which TobudOS's driver waits for, host-drivers.md §3) that the channel does not know. */
    private static final String UNKNOWN_URC = "+QIURC: \"dnsgip\",0,1,600";

    @Test
    void echoedCommandIsNotPartOfTheAnswer() throws Exception {
        try (EmulatedModule unit = new EmulatedModule(); AtChannel channel = unit.channel()) {
            AtResult result = channel.send("AT+CGMR");
            assertThat(result.lines()).containsExactly("Revision: BC260YCNAAR01A04");
            assertThat(result.isOk()).isTrue();
        }
    }

    @Test
    void answersAreTheSameWithEchoOff() throws Exception {
        try (EmulatedModule unit = new EmulatedModule(); AtChannel channel = unit.channel()) {
            channel.send("ATE0").orThrow();
            assertThat(channel.send("AT+CGMR").lines()).containsExactly("Revision: BC260YCNAAR01A04");
            assertThat(channel.send("AT+QDMPCFG=4,1").lines()).containsExactly("+QDMPCFG: 1,117.161.2.41,5683,86400");
        }
    }

    @Test
    void unsolicitedLineDuringACommandGoesToListenersNotIntoTheAnswer() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer().ignore().start(); AtChannel channel = open(peer)) {
            List<String> heard = listening(channel);
            CompletableFuture<AtResult> query = sendingWhenReceived(peer, channel, AtRequest.singleLine("AT+CEREG?", "+CEREG:"));
            // the attach URC after AT+CEREG=1, while the query waits: it starts as the answer does
            peer.say("+CEREG: 1");
            await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> assertThat(heard).containsExactly("+CEREG: 1"));
            assertThat(query).isNotDone();
            peer.say("+CEREG: 1,1", "OK");
            assertThat(query.get(5, TimeUnit.SECONDS).lines()).containsExactly("+CEREG: 1,1");
        }
    }

    /** An answer of each kind, cut where a URC the channel does not know arrives. */
    static Stream<Arguments> answersOfEachKind() {
        return Stream.of(
                arguments(AtRequest.withoutLines("AT+QSREGENABLE=1"), List.of(), List.of()),
                arguments(AtRequest.numeric("AT+CIMI"), List.of(), List.of("460111234567890")),
                arguments(AtRequest.numeric("AT+CIMI"), List.of("460111234567890"), List.of()),
                arguments(AtRequest.singleLine("AT+QSREGENABLE?", "+QSREGENABLE:"), List.of(), List.of("+QSREGENABLE: 1")),
                arguments(AtRequest.singleLine("AT+QSREGENABLE?", "+QSREGENABLE:"), List.of("+QSREGENABLE: 1"), List.of()),
                arguments(AtRequest.multiLine("AT+QDMPCFG?", "+QDMPCFG:"), List.of("+QDMPCFG: 0,1"),
                        List.of("+QDMPCFG: 1,117.161.2.41,5683,86400", "+QDMPCFG: 2,,,0,")));
    }

    @ParameterizedTest(name = "{0} {1} <urc> {2}")
    @MethodSource("answersOfEachKind")
    void unknownUrcInTheMiddleOfAnAnswerGoesToListenersNotIntoIt(AtRequest request, List<String> before, List<String> after)
            throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer().ignore().start(); AtChannel channel = open(peer)) {
            List<String> heard = listening(channel);
            CompletableFuture<AtResult> answer = sendingWhenReceived(peer, channel, request);
            peer.say(Stream.concat(before.stream(), Stream.of(UNKNOWN_URC)).toArray(String[]::new));
            await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> assertThat(heard).containsExactly(UNKNOWN_URC));
            assertThat(answer).isNotDone();
            peer.say(Stream.concat(after.stream(), Stream.of("OK")).toArray(String[]::new));
            assertThat(answer.get(5, TimeUnit.SECONDS).lines()).isEqualTo(Stream.concat(before.stream(), after.stream()).toList());
            assertThat(heard).containsExactly(UNKNOWN_URC);
        }
    }

    @Test
    void aSecondLineOfASingleLineAnswerIsUnsolicited() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer().reply("+QSREGENABLE: 1", "+QSREGENABLE: 0", "OK").start();
             AtChannel channel = open(peer)) {
            List<String> heard = listening(channel);
            assertThat(channel.send(AtRequest.singleLine("AT+QSREGENABLE?", "+QSREGENABLE:")).lines())
                    .containsExactly("+QSREGENABLE: 1");
            await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> assertThat(heard).containsExactly("+QSREGENABLE: 0"));
        }
    }

    @Test
    void aTypedCommandTakesEveryLineButAKnownUrc() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer().reply("+CEREG: 1", "Revision: BC260YCNAAR01A04", UNKNOWN_URC, "OK").start();
             AtChannel channel = open(peer)) {
            List<String> heard = listening(channel);
            assertThat(channel.send("AT+CGMR").lines()).containsExactly("Revision: BC260YCNAAR01A04", UNKNOWN_URC);
            await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> assertThat(heard).containsExactly("+CEREG: 1"));
        }
    }

    @Test
    void unsolicitedLinesBetweenInformationLinesGoToListeners() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer().reply("+QDMPCFG: 0,1", "+CEREG: 1", "+QIND: \"x\"",
                "+QDMPCFG: 1,117.161.2.41,5683,86400", "OK").start();
             AtChannel channel = open(peer)) {
            List<String> heard = listening(channel);
            AtResult result = channel.send(AtRequest.multiLine("AT+QDMPCFG?", "+QDMPCFG:"));
            assertThat(result.lines()).containsExactly("+QDMPCFG: 0,1", "+QDMPCFG: 1,117.161.2.41,5683,86400");
            await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> assertThat(heard).containsExactly("+CEREG: 1", "+QIND: \"x\""));
        }
    }

    @Test
    void theBootsLinesAfterRdyAreUnsolicitedEvenWhileACommandWaits() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer().ignore().start(); AtChannel channel = open(peer)) {
            List<String> heard = listening(channel);
            CompletableFuture<AtResult> typed = sendingWhenReceived(peer, channel, AtRequest.typed("AT+CGMR"));
            peer.say(UnsolicitedLines.BOOT.toArray(String[]::new));
            await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> assertThat(heard).isEqualTo(UnsolicitedLines.BOOT));
            peer.say("Revision: BC260YCNAAR01A04", "OK");
            assertThat(typed.get(5, TimeUnit.SECONDS).lines()).containsExactly("Revision: BC260YCNAAR01A04");
        }
    }

    @Test
    void theSameLinesAnsweringAtCfunAndAtCpinAreTheirAnswers() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer().reply("+CFUN: 1", "+CPIN: READY", "OK").start();
             AtChannel channel = open(peer)) {
            assertThat(channel.send("AT+CFUN?;+CPIN?").lines()).containsExactly("+CFUN: 1", "+CPIN: READY");
        }
    }

    @Test
    void linesWithNoCommandInFlightAreUnsolicited() throws Exception {
        try (EmulatedModule unit = new EmulatedModule(); AtChannel channel = unit.channel()) {
            channel.send("AT").orThrow();
            CompletableFuture<String> ready = channel.nextUnsolicited(UnsolicitedLines.RDY::equals);
            unit.module.powerCycle();
            assertThat(ready.get(5, TimeUnit.SECONDS)).isEqualTo("RDY");
        }
    }

    @Test
    void errorResultThrowsNamingTheCommand() throws Exception {
        try (EmulatedModule unit = new EmulatedModule(); AtChannel channel = unit.channel()) {
            AtResult result = channel.send("AT+QSREGENABLE=2");
            assertThat(result.result().kind()).isEqualTo(FinalResult.Kind.ERROR);
            assertThatThrownBy(result::orThrow)
                    .isInstanceOfSatisfying(AtCommandException.class, e -> {
                        assertThat(e.command()).contains("AT+QSREGENABLE=2");
                        assertThat(e.cmeCode()).isEmpty();
                    })
                    .hasMessage("AT+QSREGENABLE=2 answered ERROR");
        }
    }

    @Test
    void cmeErrorCarriesItsCode() throws Exception {
        try (EmulatedModule unit = new EmulatedModule(); AtChannel channel = unit.channel()) {
            channel.send("AT+CMEE=1").orThrow();
            assertThatThrownBy(() -> channel.send("AT+QDMPCFG=1,\"10.0.0.1\",70000").orThrow())
                    .isInstanceOfSatisfying(AtCommandException.class, e -> {
                        assertThat(e.finalResult().kind()).isEqualTo(FinalResult.Kind.CME_ERROR);
                        assertThat(e.cmeCode()).hasValue(50);
                    })
                    .hasMessage("AT+QDMPCFG=1,\"10.0.0.1\",70000 answered +CME ERROR: 50 (incorrect parameters)");
        }
    }

    @Test
    void silentPeerTimesOutAfterTheConfiguredTimeout() throws Exception {
        Duration timeout = Duration.ofMillis(100);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Socket> accepted = CompletableFuture.supplyAsync(() -> {
                try {
                    return server.accept();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try (AtChannel channel = AtChannel.open(Ports.open("tcp://127.0.0.1:" + server.getLocalPort(), PortOptions.defaults()),
                    NO_RETRY.withCommandTimeout(timeout))) {
                long start = System.nanoTime();
                assertThatThrownBy(() -> channel.send("AT+CGMR"))
                        .isInstanceOfSatisfying(AtTimeoutException.class, e -> assertThat(e.timeout()).isEqualTo(timeout))
                        .hasMessage("no answer to AT+CGMR within 100 ms");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(timeout, Duration.ofSeconds(2));
            } finally {
                accepted.get(5, TimeUnit.SECONDS).close();
            }
        }
    }

    @Test
    void timeoutReportsWhatWasHeardInstead() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer().reply("\u00ff\u00fex\u00fe").start();
             AtChannel channel = AtChannel.open(Ports.open(peer.spec(), PortOptions.defaults()),
                     NO_RETRY.withCommandTimeout(Duration.ofMillis(200)))) {
            assertThatThrownBy(() -> channel.send("AT+CGMR"))
                    .isInstanceOfSatisfying(AtTimeoutException.class, e -> assertThat(e.heard()).containsExactly("\u00ff\u00fex\u00fe"))
                    .hasMessageContaining("heard only: \u00ff\u00fex\u00fe");
        }
    }

    @Test
    void firstLineLostIsAnsweredAfterARetryWithAt() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer().ignore().reply("OK").reply("Revision: BC260YCNAAR01A04", "OK").start();
             AtChannel channel = AtChannel.open(Ports.open(peer.spec(), PortOptions.defaults()),
                     AtChannelOptions.defaults().withCommandTimeout(Duration.ofMillis(200)))) {
            assertThat(channel.send("AT+CGMR").lines()).containsExactly("Revision: BC260YCNAAR01A04");
            assertThat(peer.received()).containsExactly("AT+CGMR", "AT", "AT+CGMR");
        }
    }

    @Test
    void withoutRetryALostLineIsATimeout() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer().ignore().reply("OK").start();
             AtChannel channel = AtChannel.open(Ports.open(peer.spec(), PortOptions.defaults()),
                     NO_RETRY.withCommandTimeout(Duration.ofMillis(200)))) {
            assertThatThrownBy(() -> channel.send("AT+CGMR")).isInstanceOf(AtTimeoutException.class);
            channel.close();
            assertThat(peer.receivedByTheEnd()).containsExactly("AT+CGMR");
        }
    }

    /**
     * A module that answered late: its answer to the command that timed out (with a URC inside it)
     * comes after the retry's {@code AT}, followed by the {@code AT}'s own {@code OK}.
     */
    @Test
    void lateAnswerAfterTheRetrysAtIsNeitherTheRetrysAnswerNorUnsolicited() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer().ignore()
                .reply("+QDMPCFG: 0,0", "+CEREG: 1", "+QDMPCFG: 1,117.161.2.41,5683,86400", "OK", "OK")
                .reply("+QDMPCFG: 0,1", "+QDMPCFG: 1,117.161.2.7,5684,420", "OK").start();
             AtChannel channel = AtChannel.open(Ports.open(peer.spec(), PortOptions.defaults()),
                     AtChannelOptions.defaults().withCommandTimeout(Duration.ofMillis(200)))) {
            List<String> heard = listening(channel);
            AtResult result = channel.send(AtRequest.multiLine("AT+QDMPCFG?", "+QDMPCFG:"));
            assertThat(result.lines()).containsExactly("+QDMPCFG: 0,1", "+QDMPCFG: 1,117.161.2.7,5684,420");
            assertThat(peer.received()).containsExactly("AT+QDMPCFG?", "AT", "AT+QDMPCFG?");
            await().atMost(5, TimeUnit.SECONDS).until(() -> !heard.isEmpty());
            assertThat(heard).containsExactly("+CEREG: 1");
        }
    }

    /** The command after one that timed out is sent after an {@code AT} that the late answer comes before. */
    @Test
    void lateAnswerOfATimedOutCommandIsNotTheNextCommandsAnswer() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer().ignore()
                .reply("+QDMPCFG: 0,1", "OK", "OK")
                .reply("Revision: BC260YCNAAR01A04", "OK").start();
             AtChannel channel = AtChannel.open(Ports.open(peer.spec(), PortOptions.defaults()),
                     NO_RETRY.withCommandTimeout(Duration.ofMillis(200)))) {
            assertThatThrownBy(() -> channel.send(AtRequest.multiLine("AT+QDMPCFG?", "+QDMPCFG:")))
                    .isInstanceOf(AtTimeoutException.class);
            assertThat(channel.send(AtRequest.singleLine("AT+CGMR", "Revision:")).lines())
                    .containsExactly("Revision: BC260YCNAAR01A04");
            assertThat(peer.received()).containsExactly("AT+QDMPCFG?", "AT", "AT+CGMR");
        }
    }

    /**
     * A command another process sent is still being answered when this one opens the port: the
     * handshake's {@code AT} comes after that answer, and the first command gets its own.
     */
    @Test
    void theHandshakeDropsTheAnswerOfACommandAnotherProcessSent() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer()
                .reply("+QDMPCFG: 0,1", "OK", "OK")
                .reply("Revision: BC260YCNAAR01A04", "OK").start();
             AtChannel channel = AtChannel.open(Ports.open(peer.spec(), PortOptions.defaults()),
                     NO_RETRY.withCommandTimeout(Duration.ofMillis(200)))) {
            channel.handshake();

            assertThat(channel.send(AtRequest.singleLine("AT+CGMR", "Revision:")).lines())
                    .containsExactly("Revision: BC260YCNAAR01A04");
            assertThat(peer.received()).containsExactly("AT", "AT+CGMR");
        }
    }

    @Test
    void aHandshakeThatGetsNoAnswerLeavesTheFirstCommandToSaySo() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer().ignore().ignore().start();
             AtChannel channel = AtChannel.open(Ports.open(peer.spec(), PortOptions.defaults()),
                     NO_RETRY.withCommandTimeout(Duration.ofMillis(100)))) {
            channel.handshake();

            assertThatThrownBy(() -> channel.send("AT+CGMR"))
                    .isInstanceOf(AtTimeoutException.class)
                    .hasMessage("no answer to AT+CGMR within 100 ms");
        }
    }

    /** Both the command and the retry's {@code AT} timed out; their answers come after the next {@code AT}. */
    @Test
    void lateAnswersOfACommandAndItsRetryAreNotTheNextCommandsAnswer() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer().ignore().ignore()
                .reply("ERROR", "OK", "OK")
                .reply("Revision: BC260YCNAAR01A04", "OK").start();
             AtChannel channel = AtChannel.open(Ports.open(peer.spec(), PortOptions.defaults()),
                     AtChannelOptions.defaults().withCommandTimeout(Duration.ofMillis(200)))) {
            assertThatThrownBy(() -> channel.send("AT+QSREGENABLE=2")).isInstanceOf(AtTimeoutException.class);
            AtResult result = channel.send("AT+CGMR");
            assertThat(result.isOk()).isTrue();
            assertThat(result.lines()).containsExactly("Revision: BC260YCNAAR01A04");
            assertThat(peer.received()).containsExactly("AT+QSREGENABLE=2", "AT", "AT", "AT+CGMR");
        }
    }

    @Test
    void retryThatStaysSilentSaysSo() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer().ignore().ignore().start();
             AtChannel channel = AtChannel.open(Ports.open(peer.spec(), PortOptions.defaults()),
                     AtChannelOptions.defaults().withCommandTimeout(Duration.ofMillis(100)))) {
            assertThatThrownBy(() -> channel.send("AT+CGMR"))
                    .isInstanceOf(AtTimeoutException.class)
                    .hasMessage("no answer to AT+CGMR (nor to a retry after AT) within 100 ms");
            channel.close();
            assertThat(peer.receivedByTheEnd()).containsExactly("AT+CGMR", "AT");
        }
    }

    @Test
    void secretInALateEchoIsMaskedInTheTimeout() throws Exception {
        String command = "AT+QDMPCFG=2,\"M1\",\"95GoSecret\",1";
        String shown = "AT+QDMPCFG=2,\"M1\",\"95Go****\",1";
        try (ScriptedPeer peer = new ScriptedPeer().ignore().reply(command).start();
             AtChannel channel = AtChannel.open(Ports.open(peer.spec(), PortOptions.defaults()),
                     AtChannelOptions.defaults().withCommandTimeout(Duration.ofMillis(100)))) {
            assertThatThrownBy(() -> channel.send(AtRequest.withoutLines(command).shownAs(shown)))
                    .isInstanceOfSatisfying(AtTimeoutException.class, e -> assertThat(e.heard()).containsExactly(shown))
                    .message().doesNotContain("95GoSecret");
        }
    }

    @Test
    void portClosingFailsTheCommandInFlightAndEveryLaterOne() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer().ignore().thenClose().start();
             AtChannel channel = AtChannel.open(Ports.open(peer.spec(), PortOptions.defaults()), EmulatedModule.OPTIONS)) {
            assertThatThrownBy(() -> channel.send("AT+CGMR"))
                    .isInstanceOf(ChannelClosedException.class)
                    .hasMessage("no answer to AT+CGMR: the port closed");
            assertThatThrownBy(() -> channel.send("AT"))
                    .isInstanceOf(ChannelClosedException.class)
                    .hasMessage("cannot send AT: the port closed");
        }
    }

    @Test
    void commandsFromManyThreadsAreAnsweredOneAtATime() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try (EmulatedModule unit = new EmulatedModule(); AtChannel channel = unit.channel()) {
            List<Future<List<String>>> answers = IntStream.range(0, 40)
                    .mapToObj(i -> threads.submit(() -> channel.send(i % 2 == 0 ? "AT+CGSN=1" : "AT+CIMI").lines()))
                    .toList();
            for (int i = 0; i < answers.size(); i++) {
                assertThat(answers.get(i).get(10, TimeUnit.SECONDS))
                        .containsExactly(i % 2 == 0 ? "+CGSN: 869999000000001" : "460111234567890");
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static AtChannel open(ScriptedPeer peer) {
        return AtChannel.open(Ports.open(peer.spec(), PortOptions.defaults()), NO_RETRY);
    }

    private static List<String> listening(AtChannel channel) {
        List<String> heard = new CopyOnWriteArrayList<>();
        channel.addUrcListener(heard::add);
        return heard;
    }

    /** Sends {@code request} on a thread of its own; returns once the peer has read it, the answer still to come. */
    private static CompletableFuture<AtResult> sendingWhenReceived(ScriptedPeer peer, AtChannel channel, AtRequest request) {
        CompletableFuture<AtResult> answer = CompletableFuture.supplyAsync(() -> channel.send(request));
        await().atMost(5, TimeUnit.SECONDS).until(() -> peer.received().contains(request.command()));
        return answer;
    }
}
