package dev.selfreg.module.dm;

import static org.assertj.core.api.Assertions.assertThat;
import dev.selfreg.module.Bc260yFacts;
import dev.selfreg.module.Power;
import dev.selfreg.protocol.cmdmp.DmCipher;
import dev.selfreg.protocol.cmdmp.TerminalInfo;
import dev.selfreg.vocabulary.DmState;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.leshan.core.ResponseCode;
import org.eclipse.leshan.core.node.LwM2mObjectInstance;
import org.eclipse.leshan.core.node.LwM2mResource;
import org.eclipse.leshan.core.request.ContentFormat;
import org.eclipse.leshan.core.request.DeleteRequest;
import org.eclipse.leshan.core.request.ReadRequest;
import org.eclipse.leshan.core.request.exception.TimeoutException;
import org.eclipse.leshan.core.response.ReadResponse;
import org.eclipse.leshan.server.registration.Registration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The platform reads the module's objects (cmcc-dm-wire.md, "Object 666"): a stock Eclipse
 * Leshan server sends real Read requests to the registered module, which answers them in
 * module time as TLV that Leshan decodes by its own models. The reads happen while the module
 * is awake after its Register at 2 s (it sleeps at 12 s).
 */
class DmObjectsReadTest extends DmPeerTest {

    private static final Duration ATTACH = Bc260yFacts.ATTACH_TIME;
    private static final Duration IDLE = Bc260yFacts.IDLE_BEFORE_DEEP_SLEEP;
    private static final String MAC = "AT+QDMPCFGEX=1,0,\"00:50:56:C0:00:01\"";
    private static final String HARDWARE = "AT+QDMPCFGEX=2,0,\"4096KB\",\"4096KB\",\"EC616\",\"FREE RTOS\"";
    private static final String NETWORK = "AT+QDMPCFGEX=4,0,\"off\",\"4G\",\"XY05553867549\",\"18009699999\"";
    /** The spec's test vectors of encrypted values (cmcc-dm-wire.md, "Test vectors"). */
    private static final String ENC_NULL = "E+9ivOa9WdOotKJwyRchBg==";
    private static final String ENC_4G = "w/oUl26NW7MaXD1kbgThkw==";
    private static final String ENC_MAC = "7GdN80CuFPwN8EELgxtru3NPuwfA4Mp48284Y4d3MK0=";

    /** A unit provisioned with {@code lines}, registered with a fresh Leshan server, awake. */
    private Registration registered(String... lines) {
        leshan = new LeshanDmServer();
        bench = new DmBench(leshan.port()).provisioned(lines);
        bench.advance(ATTACH);
        return leshan.registrations(1).get(0);
    }

    private ReadResponse read(Registration registration, String path) {
        return bench.read(leshan, registration, path);
    }

    /** Resource id to string value of an instance Leshan decoded. */
    private static Map<Integer, String> values(ReadResponse response) {
        Map<Integer, String> values = new LinkedHashMap<>();
        for (LwM2mResource resource : ((LwM2mObjectInstance) response.getContent()).getResources().values()) {
            values.put(resource.getId(), String.valueOf(resource.getValue()));
        }
        return values;
    }

    @Test
    void theReadOf666DecryptsToTheRunningQdmpcfgexValuesAndNullForTheUnsetOnes() throws Exception {
        Registration registration = registered(MAC, HARDWARE, NETWORK);

        ReadResponse response = read(registration, "/666/0");

        assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
        assertThat(((Response) response.getCoapResponse()).getOptions().getContentFormat()).isEqualTo(11542);
        Map<Integer, String> wire = values(response);
        assertThat(wire).containsOnlyKeys(6601, 6602, 6603, 6604, 6605, 6606, 6607, 6608, 6609, 6610, 6611, 6612,
                6613, 6614);
        assertThat(wire).containsEntry(6602, ENC_NULL).containsEntry(6603, ENC_MAC).containsEntry(6611, ENC_4G);
        assertThat(TerminalInfo.decrypt(wire, new DmCipher(DmBench.PASSWORD))).isEqualTo(new TerminalInfo("interface",
                null, "00:50:56:C0:00:01", "4096KB", "4096KB", "EC616", "FREE RTOS", null, null,
                "off", "4G", "XY05553867549", "18009699999", null));
        assertThat(bench.at("AT+QDMPCFGEX=0,1")).contains("+QDMPCFGEX: 0,NULL");
    }

    @Test
    void the666ReadServesTheRunningValuesAndASavedValueOnlyAfterTheReboot() throws Exception {
        Registration first = registered();
        bench.host.given(MAC);

        Map<Integer, String> before = values(read(first, "/666/0"));
        bench.host.reboot();
        bench.advance(ATTACH);
        Map<Integer, String> after = values(read(leshan.registrations(2).get(1), "/666/0"));

        DmCipher cipher = new DmCipher(DmBench.PASSWORD);
        assertThat(TerminalInfo.decrypt(before, cipher).mac()).isEqualTo("NULL");
        assertThat(TerminalInfo.decrypt(after, cipher).mac()).isEqualTo("00:50:56:C0:00:01");
    }

    @Test
    void theTerminalTypeOf666FollowsTheRunningTmlType() throws Exception {
        Registration registration = registered("AT+QDMPCFG=2,\"M100000000\",\"0123456789ABCDEFGHIJKLMNOPQRSTUV\",1");

        Map<Integer, String> wire = values(read(registration, "/666/0"));

        assertThat(TerminalInfo.decrypt(wire, new DmCipher(DmBench.PASSWORD)).terminalType()).isEqualTo("Linux");
    }

    @Test
    void theDeviceObjectNamesQuectelTheModelTheImeiAndTheFirmware() {
        Registration registration = registered();

        ReadResponse response = read(registration, "/3/0");

        assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
        LwM2mObjectInstance device = (LwM2mObjectInstance) response.getContent();
        assertThat(device.getResource(0).getValue()).isEqualTo("Quectel");
        assertThat(device.getResource(1).getValue()).isEqualTo("BC260Y-CN");
        assertThat(device.getResource(2).getValue()).isEqualTo(Bc260yFacts.DEFAULT_IMEI);
        assertThat(device.getResource(3).getValue()).isEqualTo(Bc260yFacts.DEFAULT_FIRMWARE);
        assertThat(device.getResource(11).getInstances()).hasSize(1);
        assertThat(device.getResource(16).getValue()).isEqualTo("U");
    }

    @Test
    void theServerObjectHoldsTheLifetimeAndBindingU() {
        Registration registration = registered("AT+QDMPCFG=1,117.161.2.41,5683,300");

        ReadResponse response = read(registration, "/1/0");

        assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
        LwM2mObjectInstance server = (LwM2mObjectInstance) response.getContent();
        assertThat(server.getResource(0).getValue()).isEqualTo(1L);
        assertThat(server.getResource(1).getValue()).as("the Register's lt, the period + 46 s").isEqualTo(346L);
        assertThat(server.getResource(7).getValue()).isEqualTo("U");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/5/0", "/4/0", "/666/1", "/3", "/666/0/6601", "/0/0"})
    void anyOtherPathIsNotFound(String path) {
        Registration registration = registered();

        assertThat(read(registration, path).getCode()).isEqualTo(ResponseCode.NOT_FOUND);
    }

    @Test
    void anotherMethodOnAServedInstanceIs405() {
        Registration registration = registered();

        assertThat(bench.request(leshan, registration, new DeleteRequest(3, 0)).getCode())
                .isEqualTo(ResponseCode.METHOD_NOT_ALLOWED);
    }

    @Test
    void aReadAskingForAnotherFormatThanTlvIs406() {
        Registration registration = registered();

        assertThat(bench.request(leshan, registration, new ReadRequest(ContentFormat.SENML_JSON, "/666/0")).getCode())
                .isEqualTo(ResponseCode.NOT_ACCEPTABLE);
    }

    @Test
    void servingAReadRestartsTheIdleTimeBeforeDeepSleep() {
        Registration registration = registered();
        bench.advance(IDLE.minusSeconds(1));

        read(registration, "/3/0");
        bench.advance(IDLE.minusMillis(1));
        assertThat(bench.module.power()).isEqualTo(Power.ACTIVE);
        bench.advance(Duration.ofMillis(1));

        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);
    }

    @Test
    void thePlatformsReadAfterEachRegisterAndUpdateIsAnsweredWhileVirtualTimeRunsAhead() throws Exception {
        leshan = new LeshanDmServer(true);
        bench = new DmBench(leshan.port(), DmBench.chinaMobileUnit(), true)
                .provisioned("AT+QDMPCFG=1,117.161.2.41,5683,300");

        bench.advance(Duration.ofSeconds(700));

        List<Object> reads = leshan.reads(3);
        assertThat(reads).as("after the Register at 2 s and the Updates at 302 s and 602 s").hasSize(3)
                .allSatisfy(read -> assertThat(read).isInstanceOf(ReadResponse.class));
        for (Object read : reads) {
            Map<Integer, String> wire = values((ReadResponse) read);
            assertThat(TerminalInfo.decrypt(wire, new DmCipher(DmBench.PASSWORD)).terminalType()).isEqualTo("interface");
        }
        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);
        assertThat(bench.module.awake()).isEqualTo(ATTACH.plus(IDLE.multipliedBy(3)));
    }

    @Test
    void aReadWhileTheModuleSleepsGetsNoAnswer() {
        Registration registration = registered();
        bench.advance(Duration.ofMinutes(1));
        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);

        CompletableFuture<ReadResponse> answer = new CompletableFuture<>();
        leshan.leshan().send(registration, new ReadRequest(ContentFormat.TLV, "/3/0"), 300,
                answer::complete, answer::completeExceptionally);
        LeshanDmServer.awaitBriefly().pollInSameThread().atMost(Duration.ofSeconds(5)).until(() -> {
            bench.clock.runDue();
            return answer.isDone();
        });

        assertThat(answer).isCompletedExceptionally();
        assertThat(answer.handle((response, error) -> error).join()).isInstanceOf(TimeoutException.class);
        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);
        assertThat(bench.module.dm().state()).isEqualTo(DmState.REGISTERED);
    }
}
