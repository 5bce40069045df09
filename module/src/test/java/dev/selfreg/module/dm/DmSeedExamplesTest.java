package dev.selfreg.module.dm;

import static dev.selfreg.module.TestBench.framed;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The two examples of seed 3.2.2 that need a CMDMP registration (the other examples of chapter
 * 3 are in {@code SeedExamplesTest}), verbatim with the {@code <CR><LF>} framing: the state
 * query after a Register ({@code +QDMPCFG: 6,6}, "DMP 注册成功") and after an Update
 * ({@code +QDMPCFG: 6,11}, "DMP 更新成功"), against a stock Eclipse Leshan server.
 */
class DmSeedExamplesTest extends DmPeerTest {

    private DmBench registered(String... lines) {
        leshan = new LeshanDmServer();
        bench = new DmBench(leshan.port()).provisioned(lines);
        bench.advance(Duration.ofMinutes(1));
        return bench;
    }

    @Test
    void seedExampleQdmpcfg6Answers6WhenRegistered() {
        registered();

        assertThat(bench.at("AT+QDMPCFG=6")).isEqualTo(framed("+QDMPCFG: 6,6", "OK"));
        assertThat(leshan.registrations(1)).hasSize(1);
    }

    @Test
    void seedExampleQdmpcfg6Answers11AfterAnUpdate() {
        registered("AT+QDMPCFG=1,117.161.2.7,5683,420");

        bench.advance(Duration.ofSeconds(420));

        assertThat(bench.at("AT+QDMPCFG=6")).isEqualTo(framed("+QDMPCFG: 6,11", "OK"));
        assertThat(leshan.updates(1)).hasSize(1);
    }
}
