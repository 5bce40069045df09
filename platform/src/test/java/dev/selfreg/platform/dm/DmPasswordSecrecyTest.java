package dev.selfreg.platform.dm;

import static dev.selfreg.platform.dm.DmLab.APP_KEY;
import static dev.selfreg.platform.dm.DmLab.ENDPOINT;
import static dev.selfreg.platform.dm.DmLab.EPI;
import static dev.selfreg.platform.dm.DmLab.IMEI;
import static dev.selfreg.platform.dm.DmLab.IMSI;
import static dev.selfreg.platform.dm.DmLab.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.selfreg.platform.SecretScan;
import dev.selfreg.platform.dm.DmLeshanClient.TerminalInfoInstance;
import dev.selfreg.protocol.cmdmp.DmCipher;
import dev.selfreg.protocol.cmdmp.DmEndpointName;
import dev.selfreg.protocol.cmdmp.DmEpi;
import dev.selfreg.protocol.cmdmp.TerminalInfo;
import dev.selfreg.vocabulary.TerminalType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Every path that handles the application password, run once with the log output captured: the password is in no
 * log line, event, device record, metric or response.
 */
class DmPasswordSecrecyTest {

    @Test
    void thePasswordIsInNoLogLineEventDeviceMetricOrAnswer() throws Exception {
        DmCipher cipher = new DmCipher(PASSWORD);
        DmCipher wrongPassword = new DmCipher("not the application's password!!");
        StringBuilder answers = new StringBuilder();
        String logged;
        try (SecretScan.LogCapture logs = new SecretScan.LogCapture(); DmLab lab = new DmLab()) {
            DmCoapClient.Answer created = DmCoapClient.register(lab, ENDPOINT, 300);
            answers.append(created).append(DmCoapClient.update(lab, created.location(), "epi=" + EPI))
                    .append(DmCoapClient.update(lab, created.location(),
                            "epi=" + DmEpi.shortForm(IMEI, IMSI, wrongPassword).value()))
                    .append(DmCoapClient.register(lab,
                            DmEndpointName.build(TerminalType.INTERFACE, IMEI, IMSI, APP_KEY, wrongPassword).text(),
                            300))
                    .append(DmCoapClient.register(lab,
                            ENDPOINT.replace("@#@" + APP_KEY + "@#@", "@#@" + PASSWORD + "@#@"), 300))
                    .append(DmCoapClient.register(lab, PASSWORD, 300));
            // Refused by Leshan itself, whose diagnostic quotes the endpoint name (the device hears its own name
            // back); the rejection is recorded just after that answer.
            DmCoapClient.Answer refusedByLeshan = DmCoapClient.exchange("post", lab.uri("/rd"), null,
                    "ep=" + ENDPOINT.replace("@#@" + APP_KEY + "@#@", "@#@" + PASSWORD + "@#@"),
                    "lt=300", "lwm2m=1.0", "b=U");
            assertThat(refusedByLeshan.code()).isEqualTo("4.00");
            await().atMost(Duration.ofSeconds(5)).until(() -> lab.events("rejected").stream()
                    .anyMatch(event -> event.reason().contains("by the LwM2M layer")
                            && event.reason().contains("@#@****@#@")));
            TerminalInfoInstance terminalInfo =
                    new TerminalInfoInstance(TerminalInfo.unset(TerminalType.INTERFACE).encrypt(cipher));
            try (DmLeshanClient client = DmLeshanClient.withTerminalInfo(ENDPOINT, lab, terminalInfo)) {
                client.start();
                assertThat(client.nextOutcome()).isEqualTo("register 2.01");
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> !lab.device(ENDPOINT).terminalInfo().isEmpty());
            }

            SecretScan.assertNoLeak(PASSWORD, "the answers", answers.toString());
            assertThat(lab.events()).hasSizeGreaterThan(6).allSatisfy(event ->
                    SecretScan.assertNoLeak(PASSWORD, "an event", event.endpoint() + " " + event.reason()));
            assertThat(lab.records.store().dmDevices(null, 100)).isNotEmpty().allSatisfy(device ->
                    SecretScan.assertNoLeak(PASSWORD, "a device record", device.toString()));
            SecretScan.assertNoLeak(PASSWORD, "the metrics", lab.metrics.prometheusText());
            SecretScan.assertNoLeak(PASSWORD, "the service", lab.service.toString());
            logged = logs.text();
        }
        // The capture worked: the messages were logged, with the endpoint but not the password.
        assertThat(logged).contains("DM register accepted: " + ENDPOINT).contains("DM update rejected with 4.03")
                .contains("DM register rejected with 4.00: ****");
        SecretScan.assertNoLeak(PASSWORD, "the log output", logged);
    }
}
