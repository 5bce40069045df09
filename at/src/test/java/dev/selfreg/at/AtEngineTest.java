package dev.selfreg.at;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AtEngineTest {

    /** A setting with every form, standing in for a module command. */
    static final class Level extends AtCommand<List<String>> {
        private final Signature signature = Signature.of(Param.integer("level", 0, 5));

        Level() {
            super("+LEVEL");
        }

        @Override
        public Signature signature() {
            return signature;
        }

        @Override
        public AtResponse set(List<String> log, Args args) {
            log.add("set " + args.integer("level"));
            return AtResponse.ok().then(() -> log.add("after"));
        }

        @Override
        public AtResponse query(List<String> log) {
            return AtResponse.ok("+LEVEL: 3", "+LEVEL: extra");
        }

        @Override
        public AtResponse execute(List<String> log) {
            throw new IllegalStateException("bug");
        }
    }

    private final List<String> log = new ArrayList<>();
    private final AtTerminal<List<String>> host = new AtTerminal<>(new AtCommandSet<List<String>>().add(new Level()), log);

    @Test
    void echoIsOnAfterResetAndEchoesEveryByteBeforeTheResponse() {
        assertThat(host.type("AT\r")).isEqualTo("AT\r\r\nOK\r\n");
    }

    @Test
    void ate0StopsTheEchoFromTheNextByteOn() {
        assertThat(host.type("ATE0\rAT\r")).isEqualTo("ATE0\r\r\nOK\r\n\r\nOK\r\n");
        assertThat(host.type("ATE1\r")).isEqualTo("\r\nOK\r\n");
        assertThat(host.type("AT\r")).isEqualTo("AT\r\r\nOK\r\n");
    }

    @Test
    void everyResponseLineIsFramedWithCrLf() {
        assertThat(host.command("AT+LEVEL?")).isEqualTo("\r\n+LEVEL: 3\r\n\r\n+LEVEL: extra\r\n\r\nOK\r\n");
    }

    @Test
    void unknownCommandAnswersError() {
        assertThat(host.command("AT+NOPE")).isEqualTo("\r\nERROR\r\n");
    }

    @Test
    void unsupportedFormAnswersError() {
        assertThat(host.command("AT+LEVEL=?")).isEqualTo("\r\nERROR\r\n");
    }

    @Test
    void badParameterAnswersErrorAndChangesNothing() {
        assertThat(host.command("AT+LEVEL=6")).isEqualTo("\r\nERROR\r\n");
        assertThat(log).isEmpty();
    }

    @Test
    void cmee1ReportsNumericCodes() {
        host.command("AT+CMEE=1");
        assertThat(host.command("AT+LEVEL=6")).isEqualTo("\r\n+CME ERROR: 50\r\n");
        assertThat(host.command("AT+LEVEL=?")).isEqualTo("\r\n+CME ERROR: 4\r\n");
        assertThat(host.command("AT+CMEE?")).isEqualTo("\r\n+CMEE: 1\r\n\r\nOK\r\n");
    }

    @Test
    void cmee2ReportsVerboseText() {
        host.command("AT+CMEE=2");
        assertThat(host.command("AT+LEVEL=6")).isEqualTo("\r\n+CME ERROR: incorrect parameters\r\n");
    }

    @Test
    void unknownCommandsAndSyntaxErrorsStayPlainErrorUnderCmee() {
        host.command("AT+CMEE=1");
        assertThat(host.command("AT+NOPE")).isEqualTo("\r\nERROR\r\n");
        assertThat(host.command("AT+LEVEL=\"1")).isEqualTo("\r\nERROR\r\n");
    }

    @Test
    void aFailingHandlerAnswersErrorAndTheNextCommandWorks() {
        assertThat(host.command("AT+LEVEL")).isEqualTo("\r\nERROR\r\n");
        assertThat(host.command("AT")).isEqualTo("\r\nOK\r\n");
    }

    @Test
    void aFailingHandlerIsCountedAsAnInternalError() {
        host.command("AT+LEVEL=9");
        assertThat(host.engine.internalErrors()).isZero();
        host.command("AT+LEVEL");
        assertThat(host.engine.internalErrors()).isEqualTo(1);
    }

    @Test
    void anOverlongLineAnswersErrorAndTheNextLineWorks() {
        host.command("AT");
        String answer = host.type("AT+LEVEL=" + "1".repeat(2000) + "\rAT\r");
        assertThat(answer).isEqualTo("\r\nERROR\r\n\r\nOK\r\n");
    }

    @Test
    void theAfterActionRunsOnceTheFinalResultIsSent() {
        List<String> seen = new ArrayList<>();
        AtEngine<List<String>> engine = new AtEngine<>(new AtCommandSet<List<String>>().add(new Level()), log,
                bytes -> seen.add(new String(bytes).strip() + " with log " + log));
        engine.receive("ATE0\rAT+LEVEL=2\r".getBytes());
        assertThat(seen).last().isEqualTo("OK with log [set 2]");
        assertThat(log).containsExactly("set 2", "after");
    }

    @Test
    void traceSaysWhyACommandFailed() {
        List<String> reasons = new ArrayList<>();
        host.engine.setTrace((line, response, reason) -> reasons.add(line + " -> " + reason));
        host.command("AT+LEVEL=9");
        assertThat(reasons).last().asString().contains("+LEVEL=9").contains("out of range");
    }

    @Test
    void aChainAnswersEachCommandsLinesInOrderAndOneFinalOk() {
        assertThat(host.command("AT+LEVEL?;+CMEE=1;+LEVEL=2;+CMEE?")).isEqualTo(
                "\r\n+LEVEL: 3\r\n\r\n+LEVEL: extra\r\n\r\n+CMEE: 1\r\n\r\nOK\r\n");
        assertThat(log).containsExactly("set 2", "after");
    }

    @Test
    void theFirstFailingCommandEndsTheChainWithItsErrorAndTheRestIsNotRun() {
        host.command("AT+CMEE=1");

        assertThat(host.command("AT+LEVEL?;+LEVEL=9;+LEVEL=1")).isEqualTo(
                "\r\n+LEVEL: 3\r\n\r\n+LEVEL: extra\r\n\r\n+CME ERROR: 50\r\n");
        assertThat(host.command("AT+LEVEL=1;+NOPE;+LEVEL=2")).isEqualTo("\r\nERROR\r\n");
        assertThat(log).containsExactly("set 1", "after");
    }

    @Test
    void basicAndExtendedCommandsChain() {
        assertThat(host.type("ATE0;+CMEE=2;+CMEE?\r")).isEqualTo("ATE0;+CMEE=2;+CMEE?\r\r\n+CMEE: 2\r\n\r\nOK\r\n");
        assertThat(host.command("AT+CMEE=0;E1")).isEqualTo("\r\nOK\r\n");
        assertThat(host.engine.echo()).isTrue();
    }

    @Test
    void aSemicolonInsideQuotesDoesNotCutTheLine() {
        assertThat(host.engine.dispatch("+LEVEL=\"1;2\"").isOk()).isFalse();
        assertThat(host.engine.dispatch("+LEVEL=\"1;+LEVEL=2\"").lines()).isEmpty();
        assertThat(log).isEmpty();
    }

    @Test
    void aSemicolonMayEndTheLineButAnEmptyCommandInsideAChainIsAnError() {
        assertThat(host.command("AT+LEVEL=1;")).isEqualTo("\r\nOK\r\n");
        assertThat(host.command("AT;")).isEqualTo("\r\nOK\r\n");
        assertThat(host.command("AT+LEVEL=2;;+LEVEL=3")).isEqualTo("\r\nERROR\r\n");
        assertThat(host.command("AT;+LEVEL=4")).isEqualTo("\r\nERROR\r\n");
        assertThat(host.command("AT+LEVEL=5;AT+LEVEL=0")).as("no second AT inside a chain").isEqualTo("\r\nERROR\r\n");
        assertThat(log).containsExactly("set 1", "after", "set 2", "after", "set 5", "after");
    }

    @Test
    void aChainsAfterActionsRunInOrderOnceItsFinalResultIsSent() {
        List<String> seen = new ArrayList<>();
        AtTerminal<List<String>> terminal = new AtTerminal<>(new AtCommandSet<List<String>>().add(new Level()), seen);
        terminal.command("AT");
        terminal.engine.setTrace((line, response, reason) -> seen.add("sent " + line));

        terminal.command("AT+LEVEL=1;+LEVEL=2");

        assertThat(seen).containsExactly("set 1", "set 2", "sent +LEVEL=1;+LEVEL=2", "after", "after");
    }

    @Test
    void theTraceNamesTheCommandOfAChainThatFailed() {
        List<String> reasons = new ArrayList<>();
        host.command("AT");
        host.engine.setTrace((line, response, reason) -> reasons.add(line + " -> " + reason));

        host.command("AT+LEVEL=1;+LEVEL=7");

        assertThat(reasons).singleElement().asString()
                .isEqualTo("+LEVEL=1;+LEVEL=7 -> in +LEVEL=7: level out of range 0-5");
    }

    @Test
    void urcsAreFramedLikeResponses() {
        host.received.reset();
        host.engine.urc("RDY");
        assertThat(host.received.toString()).isEqualTo("\r\nRDY\r\n");
    }

    @Test
    void resetRestoresEchoAndPlainErrors() {
        host.command("AT+CMEE=1");
        host.engine.reset();
        assertThat(host.type("AT+LEVEL=9\r")).isEqualTo("AT+LEVEL=9\r\r\nERROR\r\n");
    }
}
