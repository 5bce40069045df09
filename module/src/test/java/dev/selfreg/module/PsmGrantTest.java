package dev.selfreg.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The network's PSM grant as a network condition (at-commands.md §9.1): what it grants of the
 * module's {@code AT+CPSMS} request decides {@code +CEREG}'s timers and when the module may deep sleep.
 */
class PsmGrantTest {

    private static final Duration ATTACH = Bc260yFacts.ATTACH_TIME;
    private static final Duration LOCK = Bc260yFacts.IDLE_BEFORE_DEEP_SLEEP;
    /** T3324 one minute (GPRS Timer 2, unit 1 min), T3412 one hour (GPRS Timer 3, unit 1 h). */
    private static final PsmTimers NETWORKS_OWN = new PsmTimers("00100001", "00100001");

    private static TestBench withGrant(PsmGrant grant) {
        TestBench bench = new TestBench();
        bench.module.attach().setConditions(bench.module.attach().conditions().withPsm(grant));
        return bench;
    }

    @Test
    void byDefaultTheNetworkGrantsTheTimersRequested() {
        TestBench bench = new TestBench();
        bench.advance(ATTACH);

        assertThat(bench.module.attach().grantedPsmTimers()).contains(bench.module.saved().psmRequest());
    }

    @Test
    void aNetworkThatRefusesPsmGrantsNoTimersAndTheModuleNeverDeepSleeps() {
        TestBench bench = withGrant(PsmGrant.REFUSED);
        bench.advance(ATTACH);

        assertThat(bench.module.attach().grantedPsmTimers()).isEmpty();
        assertThat(bench.at("AT+CEREG=4")).endsWith("OK\r\n");
        assertThat(bench.at("AT+CEREG?")).doesNotContain("\"00000101\"");
        bench.advance(Duration.ofHours(2));
        assertThat(bench.module.power()).isEqualTo(Power.ACTIVE);
    }

    @Test
    void aNetworkGrantingItsOwnTimersShowsThemAndItsT3324DecidesDeepSleep() {
        TestBench bench = withGrant(PsmGrant.timers(NETWORKS_OWN));
        bench.advance(ATTACH);
        bench.given("AT+CEREG=4");

        assertThat(bench.at("AT+CEREG?")).contains(",\"00100001\",\"00100001\"");
        bench.advance(LOCK);
        assertThat(bench.module.power()).as("the requested T3324 would have let it sleep").isEqualTo(Power.ACTIVE);
        bench.advance(Duration.ofMinutes(1));
        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);
    }

    @Test
    void withoutARequestTheNetworkGrantsNothingWhateverItWouldGrant() {
        TestBench bench = withGrant(PsmGrant.timers(NETWORKS_OWN));
        bench.given("AT+CPSMS=0");

        bench.advance(ATTACH);

        assertThat(bench.module.attach().grantedPsmTimers()).isEmpty();
    }

    @Test
    void aNewGrantWhileRegisteredHoldsFromTheNextRequest() {
        TestBench bench = new TestBench();
        bench.advance(ATTACH);
        PsmTimers requested = bench.module.saved().psmRequest();

        bench.module.attach().setConditions(bench.module.attach().conditions().withPsm(PsmGrant.timers(NETWORKS_OWN)));
        assertThat(bench.module.attach().grantedPsmTimers()).contains(requested);

        bench.given("AT+CPSMS=1");
        assertThat(bench.module.attach().grantedPsmTimers()).contains(NETWORKS_OWN);
    }

    @Test
    void timersAreGivenExactlyWhenTheNetworkGrantsItsOwn() {
        assertThatThrownBy(() -> new PsmGrant(PsmGrant.Kind.REFUSED, Optional.of(NETWORKS_OWN)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PsmGrant(PsmGrant.Kind.TIMERS, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(PsmGrant.ofLabel("refused")).contains(PsmGrant.REFUSED);
        assertThat(PsmGrant.ofLabel("REFUSED")).isEmpty();
    }
}
