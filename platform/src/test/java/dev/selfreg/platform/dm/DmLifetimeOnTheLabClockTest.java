package dev.selfreg.platform.dm;

import static dev.selfreg.platform.dm.DmLab.ENDPOINT;
import static dev.selfreg.platform.dm.DmLab.EPI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.selfreg.platform.core.PlatformTime;
import dev.selfreg.platform.store.DmDevice;
import dev.selfreg.platform.store.DmEvent;
import dev.selfreg.time.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The DM service on a lab's virtual clock: records carry module time from the epoch, and a registration's lifetime
 * runs in module time, ending at the first instant after it. Nothing sleeps: each advance waits only for the
 * platform's work under way (here the read of /666/0, which coap-client never answers: given up after 500 ms).
 */
class DmLifetimeOnTheLabClockTest {

    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private final VirtualClock clock = new VirtualClock();
    private DmLab lab;

    @BeforeEach
    void start() {
        PlatformTime time = PlatformTime.of(clock, EPOCH);
        clock.addQuiescenceBeforeMove(time.quiescence());
        lab = new DmLab(time);
    }

    @AfterEach
    void stop() {
        lab.close();
    }

    private String registered(long lifetime) throws Exception {
        DmCoapClient.Answer created = DmCoapClient.register(lab, ENDPOINT, lifetime);
        assertThat(created.code()).isEqualTo("2.01");
        clock.runDue();
        return created.location();
    }

    @Test
    void aRegistrationExpiresWhenTheClockPassesItsLifetime() throws Exception {
        registered(300);

        clock.advance(Duration.ofSeconds(300));
        assertThat(lab.device(ENDPOINT).state()).isEqualTo("registered");
        clock.advance(Duration.ofNanos(1));

        assertThat(lab.device(ENDPOINT).state()).isEqualTo("expired");
        assertThat(lab.events("expired")).extracting(DmEvent::time, DmEvent::reason)
                // the store keeps microseconds
                .containsExactly(tuple(EPOCH.plusSeconds(300).plusNanos(1).truncatedTo(ChronoUnit.MICROS),
                        "no Update within the lifetime of 300 s"));
    }

    @Test
    void anUpdateAtTheLastInstantOfTheLifetimeKeepsTheRegistrationForAnotherLifetime() throws Exception {
        String location = registered(300);
        clock.advance(Duration.ofSeconds(300));

        assertThat(DmCoapClient.update(lab, location, "epi=" + EPI).code()).isEqualTo("2.04");
        clock.advance(Duration.ofSeconds(300));
        assertThat(lab.device(ENDPOINT).state()).isEqualTo("registered");
        clock.advance(Duration.ofNanos(1));

        assertThat(lab.device(ENDPOINT).state()).isEqualTo("expired");
    }

    @Test
    void recordsCarryModuleTimeFromTheEpoch() throws Exception {
        String location = registered(Duration.ofDays(40).toSeconds());
        clock.advance(Duration.ofDays(30));

        assertThat(DmCoapClient.update(lab, location, "epi=" + EPI).code()).isEqualTo("2.04");
        clock.runDue();

        DmDevice device = lab.device(ENDPOINT);
        assertThat(device.registeredAt()).isEqualTo(EPOCH);
        assertThat(device.lastUpdate()).isEqualTo(EPOCH.plus(Duration.ofDays(30)));
        assertThat(lab.events()).extracting(DmEvent::kind, DmEvent::time).containsExactly(
                tuple("register", EPOCH),
                tuple("read", EPOCH),
                tuple("update", EPOCH.plus(Duration.ofDays(30))),
                tuple("read", EPOCH.plus(Duration.ofDays(30))));
    }
}
