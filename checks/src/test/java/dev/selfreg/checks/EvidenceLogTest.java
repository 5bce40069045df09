package dev.selfreg.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.checks.observed.Boot;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A rule's evidence in bounded memory. */
class EvidenceLogTest {

    private static Boot boot(int n) {
        return new Boot("boot " + n, Observations.T0.plusSeconds(n), null, null, null);
    }

    @Test
    void itKeepsTheFirstEvidenceAndCountsAll() {
        EvidenceLog log = new EvidenceLog();
        for (int i = 1; i <= 12; i++) {
            log.add(boot(i), () -> "seen");
        }

        assertThat(log.count()).isEqualTo(12);
        assertThat(log.evidence()).extracting(Evidence::ref)
                .containsExactly("boot 1", "boot 2", "boot 3", "boot 4", "boot 5");
        assertThat(log.records()).hasSize(EvidenceLog.KEPT);
    }

    @Test
    void aDetailIsMadeOnlyForEvidenceKept() {
        EvidenceLog log = new EvidenceLog();
        AtomicInteger made = new AtomicInteger();
        for (int i = 1; i <= 12; i++) {
            log.add(boot(i), () -> "seen " + made.incrementAndGet());
        }

        assertThat(made).hasValue(EvidenceLog.KEPT);
    }

    @Test
    void aCopyTakesMoreWithoutChangingTheOriginal() {
        EvidenceLog log = new EvidenceLog();
        log.add(boot(1), () -> "seen");

        EvidenceLog copy = log.copy();
        copy.add(boot(2), () -> "seen later");

        assertThat(log.evidence()).extracting(Evidence::ref).containsExactly("boot 1");
        assertThat(copy.evidence()).extracting(Evidence::ref).containsExactly("boot 1", "boot 2");
    }

    @Test
    void evidenceKeptCanBeSaidAnew() {
        EvidenceLog log = new EvidenceLog();
        int at = log.add(boot(1), () -> "4 attempts");

        log.redetail(at, "5 attempts");

        assertThat(log.evidence()).singleElement().satisfies(e -> assertThat(e.detail()).isEqualTo("5 attempts"));
    }
}
