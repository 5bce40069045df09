package dev.selfreg.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.module.ModuleProfile;
import dev.selfreg.module.Sim;
import dev.selfreg.module.network.LabService;
import dev.selfreg.module.network.NetworkFault;
import dev.selfreg.platform.PlatformSettings;
import dev.selfreg.platform.core.PlatformTime;
import dev.selfreg.platform.store.CtRegistration;
import dev.selfreg.platform.store.DmDevice;
import dev.selfreg.platform.store.DmEvent;
import dev.selfreg.platform.store.PlatformStore;
import dev.selfreg.platform.wire.DeviceTimeline;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The platform on the lab's virtual clock: its records carry module time from the lab's epoch, and a registration's
 * lifetime runs out in module time. Nothing here sleeps or polls: each advance returns once the platform has recorded
 * what the modules' messages caused.
 */
class LabClockTest {

    private static final String CT_IMEI = "869999000000011";
    private static final String CM_IMEI = "869999000000012";

    private final Lab lab = Lab.start(LabApplication.addedTo(new PlatformSettings("127.0.0.1", 0, 0, 0, 0,
            Optional.of("jdbc:h2:mem:lab-clock-" + UUID.randomUUID()), Path.of("unused"), List.of(), false,
            Optional.empty())));
    private final PlatformStore store = lab.platform().records().store();

    @AfterEach
    void close() {
        lab.close();
    }

    @Test
    void thePlatformLetsARequestWaitAsLongAsTheModulesWaitForItsAnswer() {
        try (PlatformTime ofItsOwn = PlatformTime.system()) {
            assertThat(lab.platform().time().queueWait()).isEqualTo(Lab.ANSWER_BOUND)
                    .isGreaterThan(ofItsOwn.queueWait());
        }
    }

    private EmulatedUnit chinaMobile(long periodSeconds) {
        EmulatedUnit unit = lab.add("cm", ModuleProfile.standard().withImei(CM_IMEI)
                .withSim(Optional.of(Sim.CHINA_MOBILE)));
        LabApplication.provision(unit, CM_IMEI, periodSeconds);
        unit.at("AT+QRST=1");
        return unit;
    }

    private Duration moduleTimeOf(Instant recorded) {
        return Duration.between(lab.epoch(), recorded);
    }

    private DmDevice device() {
        return store.dmDevices(CM_IMEI, 1).get(0);
    }

    /** The China Mobile unit's events of one kind, oldest first. */
    private List<DmEvent> events(String kind) {
        List<DmEvent> events = new ArrayList<>(store.dmEvents(10_000).stream()
                .filter(e -> e.kind().equals(kind) && CM_IMEI.equals(e.imei())).toList());
        Collections.reverse(events);
        return events;
    }

    @Test
    void aRegistrationExpiresExactlyWhenTheClockPassesItsLifetime() {
        EmulatedUnit unit = chinaMobile(300);
        lab.advance(Duration.ofMinutes(1));
        Duration registered = moduleTimeOf(device().registeredAt());
        unit.module().network().faults().add(NetworkFault.dropAll(LabService.DM));

        assertThat(device().lifetime()).isEqualTo(300 + 46); // lt = update_Period + 46 s (cmcc-dm-wire.md)

        lab.advance(registered.plusSeconds(346).minus(lab.clock().elapsed()));
        assertThat(device().state()).isEqualTo("registered");
        lab.advance(Duration.ofNanos(1));

        assertThat(device().state()).isEqualTo("expired");
        assertThat(events("expired")).singleElement().satisfies(expired -> {
            assertThat(expired.time()).isEqualTo(lab.epoch().plus(registered).plusSeconds(346).plusNanos(1)
                    .truncatedTo(ChronoUnit.MICROS)); // the store keeps microseconds
            assertThat(expired.reason()).isEqualTo("no Update within the lifetime of 346 s");
        });
    }

    @Test
    void theReadOfObject666IsRecordedAtTheInstantOfTheRegister() {
        chinaMobile(86400);

        lab.advance(Duration.ofMinutes(1));

        assertThat(events("read")).singleElement().satisfies(read -> {
            assertThat(read.outcome()).isEqualTo("ok");
            assertThat(read.time()).isEqualTo(events("register").get(0).time());
        });
        assertThat(device().terminalInfo()).isNotEmpty();
    }

    @Test
    void thirtyDaysOfModuleTimeAreThirtyDaysOfRecords() {
        lab.add("ct", ModuleProfile.standard().withImei(CT_IMEI).withSim(Optional.of(Sim.CHINA_TELECOM)));
        chinaMobile(86400);

        lab.advance(Duration.ofDays(30).plusMinutes(1));

        List<CtRegistration> reports = store.ctRegistrations(CT_IMEI, 10);
        assertThat(reports).singleElement()
                .satisfies(report -> assertThat(moduleTimeOf(report.receivedAt())).isLessThan(Duration.ofMinutes(1)));
        Duration registered = moduleTimeOf(events("register").get(0).time());
        assertThat(events("update")).extracting(update -> moduleTimeOf(update.time()))
                .hasSize(30)
                .allSatisfy(at -> assertThat(at.minus(registered).toSeconds() % 86400).isZero())
                .last().isEqualTo(registered.plusDays(30));
        assertThat(moduleTimeOf(device().lastUpdate())).isEqualTo(registered.plusDays(30));
        assertThat(device().registeredAt()).isEqualTo(lab.epoch().plus(registered));
    }

    @Test
    void theDevicesMessagesOnTheWireCarryModuleTimeWithoutACaptureFile() {
        chinaMobile(86400);

        lab.advance(Duration.ofDays(2).plusMinutes(1));

        List<DeviceTimeline.Message> messages = lab.platform().journal().timeline(CM_IMEI).messages();
        assertThat(messages).filteredOn(m -> m.kind().equals("register")).extracting(this::recordedTime)
                .containsExactly(events("register").get(0).time());
        assertThat(messages).filteredOn(m -> m.kind().equals("update")).extracting(this::recordedTime)
                .containsExactlyElementsOf(events("update").stream().map(DmEvent::time).toList())
                .hasSize(2);
        assertThat(messages).filteredOn(m -> m.kind().equals("register")).singleElement()
                .satisfies(register -> assertThat(register.fields()).anySatisfy(field ->
                        assertThat(field.value()).startsWith("IMEI " + CM_IMEI + ", IMSI ")));
    }

    /** A message's time as the store keeps times, to the microsecond. */
    private Instant recordedTime(DeviceTimeline.Message message) {
        return message.time().truncatedTo(ChronoUnit.MICROS);
    }

    @Test
    void anUnsolicitedLineDuringACommandIsReportedApartFromItsAnswer() {
        EmulatedUnit unit = lab.add("ct", ModuleProfile.standard().withImei(CT_IMEI)
                .withSim(Optional.of(Sim.CHINA_TELECOM)));
        lab.advance(Duration.ofMinutes(1));
        assertThat(unit.module().status().power()).isEqualTo("deep-sleep");

        AtReply woken = unit.at("AT+CGSN=1");

        assertThat(woken.lines()).containsExactly("+CGSN: " + CT_IMEI, "OK");
        assertThat(woken.unsolicited()).containsExactly("+QNBIOTEVENT: \"EXIT DEEPSLEEP\"");
        assertThat(woken).hasToString("+CGSN: " + CT_IMEI + " / OK");
        AtReply reboot = unit.at("AT+QRST=1");
        assertThat(reboot.lines()).containsExactly("OK");
        assertThat(reboot.unsolicited()).containsExactly("RDY", "+CFUN: 1", "+CPIN: READY");
    }
}
