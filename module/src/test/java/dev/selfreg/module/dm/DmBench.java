package dev.selfreg.module.dm;

import dev.selfreg.module.ModuleProfile;
import dev.selfreg.module.Sim;
import dev.selfreg.module.TestBench;
import dev.selfreg.module.emulator.Bc260yModule;
import dev.selfreg.module.network.LabNetwork;
import dev.selfreg.module.network.LabService;
import dev.selfreg.module.network.NetworkFault;
import dev.selfreg.module.network.Transmission;
import dev.selfreg.nvram.MemoryNvramStore;
import dev.selfreg.time.VirtualClock;
import dev.selfreg.vocabulary.DmState;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.leshan.core.request.ContentFormat;
import org.eclipse.leshan.core.request.DownlinkRequest;
import org.eclipse.leshan.core.request.ReadRequest;
import org.eclipse.leshan.core.response.LwM2mResponse;
import org.eclipse.leshan.core.response.ReadResponse;
import org.eclipse.leshan.server.registration.Registration;

/**
 * One emulated unit with a China Mobile SIM on a virtual clock, whose network leads the DM
 * service to a lab peer on loopback, with every DM transmission and every DM state it entered
 * recorded with its module time; the host side is a {@link TestBench}.
 */
final class DmBench implements AutoCloseable {

    /** The spec's test vector (cmcc-dm-wire.md): APPkey, password, tmlType 0, tmlIMEI = the unit's IMEI. */
    static final String PROVISION =
            "AT+QDMPCFG=2,\"M100000000\",\"0123456789ABCDEFGHIJKLMNOPQRSTUV\",0,869999000000001";
    static final String PASSWORD = "0123456789ABCDEFGHIJKLMNOPQRSTUV";
    /** The test vector's endpoint name, for IMSI 460041234567890 ({@link Sim#CHINA_MOBILE}). */
    static final String ENDPOINT = "I@#@8WMBcM8GMURsdyvO/mxuyHxWDnTlfhNI6xlGRZoFKwdxNY8TzbALdiUSZ3XyXEXx"
            + "@#@M100000000@#@869999000000001@#@v2.0";
    /** The test vector's epi in the full form, which the module sends (cmcc-dm-wire.md, Update). */
    static final String EPI = "I@#@8WMBcM8GMURsdyvO/mxuyHxWDnTlfhNI6xlGRZoFKweAUOw4IHmdNHyggaZ08qTS"
            + "@#@M100000000@#@869999000000001@#@v2.0";
    /** Nothing is sent to CT in these tests; the port only completes the lab's map. */
    private static final int UNUSED_CT_PORT = 9;
    /** How long a Read from the server may take in wall time. */
    private static final Duration READ_BOUND = Duration.ofSeconds(5);

    /** A state the agent entered, and when. */
    record Entered(Duration at, DmState state) {
    }

    final TestBench host;
    final VirtualClock clock;
    final Bc260yModule module;
    final List<Transmission> transmissions = new CopyOnWriteArrayList<>();
    final List<Entered> entered = new CopyOnWriteArrayList<>();

    /** A unit with a China Mobile SIM and a platform that sends it no requests of its own. */
    DmBench(int dmPort) {
        this(dmPort, chinaMobileUnit());
    }

    /** A stock unit with the China Mobile card of the spec's test vector. */
    static ModuleProfile chinaMobileUnit() {
        return ModuleProfile.standard().withSim(Optional.of(Sim.CHINA_MOBILE));
    }

    DmBench(int dmPort, ModuleProfile profile) {
        this(dmPort, profile, false);
    }

    /**
     * @param platformReads whether the platform reads the module after each Register and Update,
     *                      as the lab platform does; a stock Leshan server does not
     */
    DmBench(int dmPort, ModuleProfile profile, boolean platformReads) {
        host = new TestBench(profile, new MemoryNvramStore(),
                LabNetwork.lab(InetAddress.getLoopbackAddress(), UNUSED_CT_PORT, dmPort)
                        .withFollowUp(LabService.DM, platformReads));
        clock = host.clock;
        module = host.module;
        module.network().onTransmission(transmission -> {
            if (transmission.service().equals(Optional.of(LabService.DM))) {
                transmissions.add(transmission);
            }
        });
        module.dm().onState(state -> entered.add(new Entered(clock.elapsed(), state)));
    }

    /**
     * Saves the test vector's credentials and {@code lines} over AT and reboots at once, before
     * the first attach, so the running configuration has them; forgets what the reboot recorded.
     */
    DmBench provisioned(String... lines) {
        host.given(PROVISION);
        host.given(lines);
        host.reboot();
        entered.clear();
        return this;
    }

    /** One command line with echo off; the module's answer, framed. */
    String at(String line) {
        return host.at(line);
    }

    void advance(Duration duration) {
        clock.advance(duration);
    }

    void inject(NetworkFault fault) {
        module.network().faults().add(fault);
    }

    void clearFaults() {
        module.network().faults().clear();
    }

    /** The states entered, in order. */
    List<DmState> states() {
        return entered.stream().map(Entered::state).toList();
    }

    /** When {@code state} was last entered. */
    Duration enteredAt(DmState state) {
        return entered.stream().filter(e -> e.state() == state).reduce((first, second) -> second).orElseThrow().at();
    }

    /** Module times of the DM transmissions. */
    List<Duration> sendTimes() {
        return transmissions.stream().map(Transmission::at).toList();
    }

    /** The server reads {@code path} from the module as TLV, as the DM platform does. */
    ReadResponse read(LeshanDmServer server, Registration registration, String path) {
        return request(server, registration, new ReadRequest(ContentFormat.TLV, path));
    }

    /**
     * The server sends {@code request} to the module: real UDP, handled in module time, so the
     * clock runs what is due until the answer is in.
     */
    <T extends LwM2mResponse> T request(LeshanDmServer server, Registration registration, DownlinkRequest<T> request) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        server.leshan().send(registration, request, READ_BOUND.toMillis(), answer::complete, answer::completeExceptionally);
        LeshanDmServer.awaitBriefly().pollInSameThread().atMost(READ_BOUND).until(() -> {
            clock.runDue();
            return answer.isDone();
        });
        return answer.join();
    }

    @Override
    public void close() {
        module.close();
    }
}
