package dev.selfreg.module.dm;

import dev.selfreg.module.AgentContext;
import dev.selfreg.module.AwakeReason;
import dev.selfreg.module.Bc260yFacts;
import dev.selfreg.module.DmConfig;
import dev.selfreg.module.ModuleLifecycle;
import dev.selfreg.module.RunningConfig;
import dev.selfreg.module.Sim;
import dev.selfreg.module.WakeLock;
import dev.selfreg.module.network.CoapOutcome;
import dev.selfreg.module.network.Destination;
import dev.selfreg.module.network.LabService;
import dev.selfreg.module.network.ModuleNetwork;
import dev.selfreg.module.network.PortUnreachable;
import dev.selfreg.module.network.Resolution;
import dev.selfreg.protocol.Carrier;
import dev.selfreg.protocol.cmdmp.DmCipher;
import dev.selfreg.protocol.cmdmp.DmEndpointName;
import dev.selfreg.protocol.cmdmp.DmEpi;
import dev.selfreg.protocol.cmdmp.DmRegister;
import dev.selfreg.vocabulary.DmState;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.OptionSet;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * China Mobile CMDMP self-registration in the emulated module (self-registration.md §3, seed
 * 2.2, cmcc-dm-wire.md): the module's LwM2M 1.0 client of the DM 2.0 platform, and the owner of
 * the {@code <DMstate>} of {@code AT+QDMPCFG=6} ({@link DmState}).
 *
 * <p><b>Trigger.</b> The first attach after every boot (never a wake-up from deep sleep), with a
 * China Mobile SIM ({@link Carrier#ofImsi}) and the running {@code DM_Mode} 1; unlike China
 * Telecom there is no change detection. Otherwise nothing is sent and the state stays 0. A unit
 * never provisioned registers all the same, with an empty APPkey and password: the seed has
 * the module register by default (2.2.1), and it is the platform's to refuse.
 *
 * <p><b>Register.</b> The running {@code serverIP} is resolved on the simulated DNS (an IP
 * literal needs none) and the UDP socket opened: state 4, or 5 when either fails (the lab
 * network maps the address to its DM endpoint whatever the running {@code server_Port},
 * interfaces.md). Then CON POST {@code /rd}, Content-Format 40, the query options {@code ep}
 * (the DM 2.0 endpoint name from the running {@code AT+QDMPCFG} type-2 values), {@code lt},
 * {@code lwm2m=1.0}, {@code b=U} as raw bytes, and the object links ({@link DmRegister}). A
 * 2.01 with a Location-Path is state 6; an error code or a Reset 7; no answer 8. After 5, 7 or
 * 8 nothing more until the next boot. Every value is encrypted with the running password's key,
 * or with the key of 32 × {@code 0} when the password is empty ({@link DmCipher#ofModulePassword},
 * the "empty-password key" of cmcc-dm-wire.md).
 *
 * <p><b>Retransmission.</b> The seed's fixed schedule, {@link Bc260yFacts#DM_RETRANSMISSION}:
 * 6 sends at 0, 2, 6, 14, 30 and 62 s, no random factor; the failure is declared
 * {@link Bc260yFacts#DM_EXCHANGE_TIMEOUT} (128 s) after the first send. An ICMP port unreachable
 * does not cut it short ({@link PortUnreachable#LOSES_TRANSMISSION}): a platform that is down
 * costs the full 128 s awake, which is the seed's point (2.2.4).
 *
 * <p><b>Updates.</b> {@code update_Period} after the 2.01, and every {@code update_Period}
 * after that, an RTC timer ({@link AgentContext#rtcClock()}) wakes the module even from deep
 * sleep; it sends CON POST to the location with the single query option {@code epi} in its full
 * form (cmcc-dm-wire.md, Update, Interpretation: the endpoint name's shape, as the OneNET CIS
 * based clients send it) and no payload, on the same schedule: 11 on 2.04 Changed, 12 on an error
 * code or a Reset, 13 without an answer. The timer is re-armed at each tick whatever the outcome,
 * so a failure is retried at the next period. <b>Interpretation</b> (cmcc-dm-wire.md, Register;
 * self-registration.md §3): the lifetime, sent as {@code lt}, is {@code update_Period} plus
 * {@link Bc260yFacts#DM_LIFETIME_MARGIN} (46 s); at a tick when that lifetime has passed since the
 * last 2.01 or 2.04, the state becomes 9 and the module makes one fresh Register instead of the
 * Update. That is the tick after a failed Update, as the module only wakes for its update timer
 * (seed 2.2.4); the platform has dropped the registration 46 s after the failed tick. An Update
 * that gets through only on its sixth send (62 s) can come after the margin: the platform
 * answers 4.04, state 12. If the fresh Register fails, nothing until the next boot.
 *
 * <p><b>Requests from the platform</b> (its Read of {@code /666/0} after each Register and
 * Update) are answered by {@link DmObjects}: {@code /1/0}, {@code /3/0} and {@code /666/0} as
 * TLV, 4.04 for anything else. Serving one is activity: the idle time before deep sleep counts
 * again from it. A request that arrives while the module sleeps is lost, as the radio is off;
 * on a virtual clock the lab network waits for the lab platform's read before time moves on
 * ({@link dev.selfreg.module.network.LabNetwork#followsUpAnswers}).
 *
 * <p><b>Leshan and Californium.</b> Eclipse Leshan (leshan-core) models and encodes the objects
 * the module serves, so they are exactly what a Leshan server decodes. The client side drives
 * Eclipse Californium's message model directly through {@link ModuleNetwork}, not Leshan's
 * client: the endpoint name must travel as raw Uri-Query bytes holding {@code @}, {@code #},
 * {@code /}, {@code +} and {@code =}, and the Update must carry {@code epi}, which is no LwM2M
 * parameter; the seed's fixed schedule with its 128 s verdict and the state codes 4-13 belong to
 * this firmware, not to a generic client's registration engine; and every timer must run on the
 * module's own clock, virtual or real, one per module in a JVM, while Leshan's client, like
 * Californium's stack, times its work on its own executors and the JVM-global {@code ClockUtil}.
 *
 * <p>DNS and CoAP time hold wake locks ({@link AwakeReason#DNS}, {@link AwakeReason#COAP}), so
 * they delay deep sleep and show in the awake-time account. It sees the module as an
 * {@link AgentContext} and hears attaches and power cuts as a {@link ModuleLifecycle} listener.
 * Every method runs serialised on the module (its callers and its clock tasks hold the
 * module's lock).
 */
public final class DmAgent implements ModuleLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DmAgent.class);

    private final AgentContext module;
    private final DmObjects objects;
    private final List<Consumer<DmState>> listeners = new CopyOnWriteArrayList<>();
    /** Written on the module's serialised path, read by the control API too. */
    private volatile DmState state = DmState.INITIAL;
    /** Counts Registers and power losses: answers and timers of an earlier one are stale. */
    private int operation;
    private Destination platform;
    private List<String> location = List.of();
    /** Module time of the last 2.01 or 2.04, from which the registration lifetime runs. */
    private long renewedAt;
    private WakeLock work;

    private DmAgent(AgentContext module) {
        this.module = module;
        this.objects = new DmObjects(module);
    }

    /**
     * The agent of {@code module}; it answers the requests of the module's DM link from now on,
     * and an {@code error} fault of its network answers 5.00. The agent is complete before its
     * network may call it.
     */
    public static DmAgent serving(AgentContext module) {
        DmAgent agent = new DmAgent(module);
        module.network().serve(LabService.DM, agent::answer);
        module.network().answerErrorFaultsWith(LabService.DM, DmAgent::injectedErrorReply);
        return agent;
    }

    /** What an injected {@code error} fault answers in the platform's place: 5.00 (interfaces.md). */
    static Response injectedErrorReply() {
        return new Response(ResponseCode.INTERNAL_SERVER_ERROR);
    }

    /** The current {@code <DMstate>}. */
    public DmState state() {
        return state;
    }

    /** Calls {@code listener} each time the agent enters a state, the current one again included. */
    public void onState(Consumer<DmState> listener) {
        listeners.add(listener);
    }

    /** The first attach after a boot: registers when the trigger holds. */
    @Override
    public void attached() {
        Optional<RunningConfig> running = module.running();
        Optional<Sim> sim = module.sim();
        if (running.isEmpty() || !running.get().dm().accessAllowed() || sim.isEmpty()
                || Carrier.ofImsi(sim.get().imsi()) != Carrier.CHINA_MOBILE) {
            return;
        }
        register();
    }

    /** Power is gone: the state is back to 0, whatever was under way is dropped. */
    @Override
    public void powerLost() {
        operation++;
        work = null; // the module drops its wake locks and timers itself
        platform = null;
        location = List.of();
        enter(DmState.INITIAL);
    }

    private void register() {
        int serial = ++operation;
        DmConfig dm = config();
        log.info("{} CMDMP Register to {}:{}", module.profile().imei(), dm.server(), dm.port());
        work = module.holdAwake(AwakeReason.DNS);
        module.network().resolve(dm.server(), resolution -> resolved(serial, resolution));
    }

    private void resolved(int serial, Resolution resolution) {
        if (serial != operation) {
            return;
        }
        if (!resolution.succeeded()) {
            end(DmState.CONNECT_FAILED, "DNS: " + resolution.failure().get());
            return;
        }
        Destination destination = resolution.destination().get();
        try {
            module.network().open(destination);
        } catch (IOException e) {
            end(DmState.CONNECT_FAILED, "socket: " + e.getMessage());
            return;
        }
        platform = destination;
        enter(DmState.CONNECTED);
        exchange(serial, registerRequest(), this::registerAnswered);
    }

    private void registerAnswered(CoapOutcome outcome) {
        if (outcome instanceof CoapOutcome.Answered answered && answered.response().getCode() == ResponseCode.CREATED
                && answered.response().getOptions().getLocationPathCount() > 0) {
            location = answered.response().getOptions().getLocationPath();
            renewedAt = module.clock().nanoTime();
            armUpdate();
            end(DmState.REGISTERED, "registered at /" + String.join("/", location));
            return;
        }
        end(failure(outcome, DmState.REGISTER_FAILED, DmState.REGISTER_TIMEOUT), describe(outcome));
    }

    private void armUpdate() {
        int serial = operation;
        module.rtcClock().schedule(period(), () -> updateDue(serial));
    }

    /** An update tick, on the RTC timer: the Update, or after the lifetime a fresh Register. */
    private void updateDue(int serial) {
        if (serial != operation) {
            return;
        }
        if (module.clock().nanoTime() - renewedAt > lifetime().toNanos()) {
            enter(DmState.LIFETIME_TIMEOUT);
            log.info("{} CMDMP lifetime of {} s passed without a successful Update; one fresh Register",
                    module.profile().imei(), lifetime().toSeconds());
            register();
            return;
        }
        armUpdate();
        exchange(serial, updateRequest(), this::updateAnswered);
    }

    private void updateAnswered(CoapOutcome outcome) {
        if (outcome instanceof CoapOutcome.Answered answered && answered.response().getCode() == ResponseCode.CHANGED) {
            renewedAt = module.clock().nanoTime();
            end(DmState.UPDATED, "updated");
            return;
        }
        end(failure(outcome, DmState.UPDATE_FAILED, DmState.UPDATE_TIMEOUT), describe(outcome));
    }

    /**
     * Sends {@code request} to the platform on the seed's schedule under a COAP wake lock and
     * reports its outcome, a timeout only at 128 s after the first send.
     */
    private void exchange(int serial, Request request, Consumer<CoapOutcome> then) {
        WakeLock coap = module.holdAwake(AwakeReason.COAP);
        if (work != null) {
            work.release();
        }
        work = coap;
        long verdictAt = module.clock().nanoTime() + Bc260yFacts.DM_EXCHANGE_TIMEOUT.toNanos();
        module.network().send(platform, request, Bc260yFacts.DM_RETRANSMISSION, PortUnreachable.LOSES_TRANSMISSION,
                outcome -> {
                    if (serial != operation) {
                        return;
                    }
                    if (outcome instanceof CoapOutcome.TimedOut) {
                        // the schedule's waits end at 126 s; the seed's total is 128 s
                        Duration rest = Duration.ofNanos(Math.max(0, verdictAt - module.clock().nanoTime()));
                        module.poweredClock().schedule(rest, () -> {
                            if (serial == operation) {
                                then.accept(outcome);
                            }
                        });
                    } else {
                        then.accept(outcome);
                    }
                });
    }

    private Request registerRequest() {
        DmConfig dm = config();
        DmEndpointName endpoint = DmEndpointName.build(dm.tmlType(), imei(dm), imsi(), dm.appKey(),
                DmCipher.ofModulePassword(dm.password()));
        DmRegister register = new DmRegister(endpoint.text(), lifetime().toSeconds());
        Request request = new Request(Code.POST);
        OptionSet options = request.getOptions();
        options.addUriPath(DmRegister.PATH).setContentFormat(DmRegister.CONTENT_FORMAT);
        register.queryOptions().forEach(query -> options.addUriQuery(query.text())); // raw, never percent-encoded
        request.setPayload(DmRegister.PAYLOAD);
        return request;
    }

    private Request updateRequest() {
        DmConfig dm = config();
        Request request = new Request(Code.POST);
        OptionSet options = request.getOptions();
        location.forEach(options::addUriPath);
        DmEpi epi = DmEpi.fullForm(dm.tmlType(), imei(dm), imsi(), dm.appKey(),
                DmCipher.ofModulePassword(dm.password()));
        options.addUriQuery(epi.queryOption().text()); // raw, never percent-encoded
        return request;
    }

    /** A request of the platform's, answered from the module's objects; it restarts the idle time. */
    private Response answer(Request request) {
        module.holdAwake(AwakeReason.COAP).release();
        return objects.answer(request, lifetime().toSeconds());
    }

    /** The state an exchange that did not succeed ends in. */
    private static DmState failure(CoapOutcome outcome, DmState rejected, DmState timedOut) {
        if (outcome instanceof CoapOutcome.TimedOut) {
            return timedOut;
        }
        if (outcome instanceof CoapOutcome.Unreachable) {
            return DmState.CONNECT_FAILED; // the socket failed
        }
        return rejected; // an answer other than the expected success, or a Reset
    }

    private static String describe(CoapOutcome outcome) {
        if (outcome instanceof CoapOutcome.Answered answered) {
            return "answered " + answered.response().getCode();
        }
        return outcome.toString();
    }

    private void end(DmState next, String why) {
        enter(next);
        log.info("{} CMDMP state {} ({})", module.profile().imei(), next.code(), why);
        if (work != null) {
            work.release();
            work = null;
        }
    }

    private void enter(DmState next) {
        state = next;
        listeners.forEach(listener -> listener.accept(next));
    }

    private DmConfig config() {
        return module.running().orElseThrow().dm();
    }

    /** The configured tmlIMEI when set, otherwise the module's (cmcc-dm-wire.md, "Endpoint name"). */
    private String imei(DmConfig dm) {
        return dm.tmlImei().isEmpty() ? module.profile().imei() : dm.tmlImei();
    }

    private String imsi() {
        return module.sim().orElseThrow().imsi();
    }

    private Duration period() {
        return Duration.ofSeconds(config().updatePeriod());
    }

    /** The registration lifetime, {@code lt}: {@code update_Period} + 46 s (cmcc-dm-wire.md, Interpretation). */
    private Duration lifetime() {
        return period().plus(Bc260yFacts.DM_LIFETIME_MARGIN);
    }
}
