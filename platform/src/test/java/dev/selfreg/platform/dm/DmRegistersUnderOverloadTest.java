package dev.selfreg.platform.dm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.selfreg.platform.CoapBurst;
import dev.selfreg.platform.core.CoapIntake;
import dev.selfreg.platform.core.Shedding;
import dev.selfreg.platform.core.StoreRefusal;
import dev.selfreg.platform.ct.HeldInserts;
import dev.selfreg.platform.store.DmDevice;
import dev.selfreg.platform.store.DmEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The DM service offered more CMDMP Registers than its store takes: the store's inserts into {@code dm_device_change} held
 * until the test lets go ({@link HeldInserts}), so nothing is committed however fast the machine. Each Register's
 * handler thread waits for its commit (commit, then reply), so the Registers beyond those threads wait in the
 * endpoint's bounded intake: once it is full the rest are dropped unread (the device retransmits), and those that
 * waited there longer than {@link CoapIntake#MAX_WAIT} are answered 5.03 with a Max-Age, unhandled; those whose write
 * waited too long in the store's queue get 5.03 too. Every Register acknowledged 2.01 is stored exactly once, none
 * refused is, and once the store takes writes a Register is acknowledged again.
 */
class DmRegistersUnderOverloadTest {

    /** More than the handler threads and the intake hold together (32 + 256). */
    private static final int REGISTERS = 600;
    /** The most Registers offered, however many the kernel drops. */
    private static final int MOST_REGISTERS = 2_400;
    private static final Duration BOUND = Duration.ofSeconds(30);

    private final String url = "jdbc:h2:mem:dm-overload-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private final DmLab lab = DmLab.onDatabase(url);

    @AfterEach
    void stop() {
        lab.close();
    }

    @Test
    void registersBeyondWhatTheStoreTakesAreShedWith503AndEveryAcknowledgedOneIsStoredOnce() throws Exception {
        CoapBurst burst;
        try (HeldInserts.Hold hold = HeldInserts.on(url, "dm_device_change");
                CoapBurst registers = new CoapBurst(lab.service.port(), RegistrationLoad.registers(), 1)) {
            registers.send(REGISTERS, REGISTERS);
            hold.awaitHeldInsert(BOUND);
            // datagrams the kernel dropped never reach the intake: offer more until it is full
            while (shed(Shedding.COAP_QUEUE_FULL) == 0 && registers.sent() < MOST_REGISTERS) {
                registers.send(REGISTERS / 5, REGISTERS);
            }
            await().atMost(BOUND).until(() -> shed(Shedding.COAP_QUEUE_FULL) > 0);
            // every Register waiting in the full intake has now waited longer than it may and still be handled
            await().pollDelay(CoapIntake.MAX_WAIT.plusMillis(100)).atMost(BOUND).until(() -> true);
            hold.release();
            burst = registers.awaitAnswers();
        }

        List<CoapBurst.Answer> shed = burst.answered(ResponseCode.SERVICE_UNAVAILABLE);
        Set<String> acknowledged = Set.copyOf(burst.acknowledgedDevices());
        System.out.printf("overload: %d DM Registers at once to a store held until the intake was full: %d"
                        + " acknowledged, %d shed 5.03 (coap queue wait %d, store queue wait %d, store queue full %d),"
                        + " %d unanswered (coap queue full %d)%n", burst.sent(), acknowledged.size(), shed.size(),
                shed(Shedding.COAP_QUEUE_WAIT), shed(Shedding.STORE_QUEUE_WAIT), shed(Shedding.STORE_QUEUE_FULL),
                burst.unanswered(), shed(Shedding.COAP_QUEUE_FULL));

        assertThat(burst.answers()).extracting(CoapBurst.Answer::code)
                .isSubsetOf(ResponseCode.CREATED, ResponseCode.SERVICE_UNAVAILABLE);
        assertThat(shed).as("Registers that waited in the full intake, shed with 5.03")
                .hasSizeGreaterThanOrEqualTo(CoapIntake.CAPACITY);
        assertThat(shed).extracting(CoapBurst.Answer::text).isSubsetOf("overloaded: " + Shedding.COAP_QUEUE_WAIT,
                "not stored: " + Shedding.STORE_QUEUE_WAIT, "not stored: " + Shedding.STORE_QUEUE_FULL);
        assertThat(shed).filteredOn(a -> a.text().startsWith("overloaded"))
                .allSatisfy(a -> assertThat(a.maxAge()).isEqualTo(StoreRefusal.RETRY_AFTER.toSeconds()));
        assertThat(shed(Shedding.COAP_QUEUE_FULL)).as("dropped unread, and counted")
                .isLessThanOrEqualTo(burst.unanswered());
        // a 5.03 the client's socket had no room for is unanswered there: read, answered and counted here
        assertThat(shed(Shedding.COAP_QUEUE_WAIT) + shed(Shedding.STORE_QUEUE_WAIT) + shed(Shedding.STORE_QUEUE_FULL))
                .as("shed counted with its reason")
                .isBetween((long) shed.size(), shed.size() + burst.unanswered() - shed(Shedding.COAP_QUEUE_FULL));

        assertThat(acknowledged).as("Registers acknowledged under overload: at least the held one").isNotEmpty();
        Map<String, Long> registered = lab.events("register").stream()
                .collect(Collectors.groupingBy(DmEvent::endpoint, Collectors.counting()));
        assertThat(registered.values()).as("no Register recorded twice").allMatch(count -> count == 1);
        Set<String> stored = lab.records.store().dmDevices(null, Integer.MAX_VALUE).stream().map(DmDevice::endpoint)
                .collect(Collectors.toSet());
        assertThat(stored).as("every acknowledged Register stored, and no refused one").isEqualTo(acknowledged);

        try (CoapBurst after = new CoapBurst(lab.service.port(), RegistrationLoad.registers(), 1_000_000)) {
            assertThat(after.send(1, 100).awaitAnswers().acknowledgedDevices())
                    .as("acknowledged again once the store took writes").hasSize(1);
        }
    }

    private long shed(String reason) {
        return lab.metrics.total("dm", Shedding.OUTCOME, reason);
    }
}
