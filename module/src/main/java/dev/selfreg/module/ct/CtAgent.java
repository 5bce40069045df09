package dev.selfreg.module.ct;

import dev.selfreg.module.AgentContext;
import dev.selfreg.module.AwakeReason;
import dev.selfreg.module.Bc260yFacts;
import dev.selfreg.module.CtIdentity;
import dev.selfreg.module.CtStatus;
import dev.selfreg.module.ModuleLifecycle;
import dev.selfreg.module.RunningConfig;
import dev.selfreg.module.Sim;
import dev.selfreg.module.WakeLock;
import dev.selfreg.module.network.CoapOutcome;
import dev.selfreg.module.network.Destination;
import dev.selfreg.module.network.LabService;
import dev.selfreg.module.network.Resolution;
import dev.selfreg.protocol.Carrier;
import dev.selfreg.protocol.zzhc.ZzhcOutcome;
import dev.selfreg.protocol.zzhc.ZzhcReply;
import dev.selfreg.protocol.zzhc.ZzhcReport;
import dev.selfreg.vocabulary.CarrierServers;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * China Telecom self-registration in the emulated module (self-registration.md §2, seed 2.1).
 *
 * <p>Trigger: the first attach after a boot (never a wake-up from deep sleep), with a China
 * Telecom SIM ({@link Carrier#ofImsi}) and the running {@code QSREGENABLE} 1 or 3, when the
 * (firmware, IMEI, ICCID) tuple differs from the one NVRAM holds from the last success (none
 * stored, FOTA, another card or another module).
 *
 * <p>An attempt resolves {@code zzhc.vnet.cn} on the simulated DNS (no fallback to the IP: a
 * DNS failure is a failure, as the spec says), then POSTs the ZZHC v2 report to {@code /nb}
 * with Content-Format 50 as a confirmable CoAP request on the RFC 7252 schedule. Success is a
 * 2.xx answer whose body {@link ZzhcReply#parse} accepts (resultCode "0"); then the tuple is
 * stored in one atomic NVRAM write. Anything else fails: a DNS failure, no answer after the
 * retransmissions, a Reset, nobody listening, a 4.xx/5.xx, another result code, a malformed body.
 *
 * <p>After a failure: at most 3 attempts per boot, 1 h apart (counted from the failure), and
 * only with {@code AT+QSCLK=0}; with sleep allowed the module just goes idle and deep sleeps,
 * and the next attempt is at the next boot. The retry timer is a plain module timer, so deep
 * sleep would cancel it anyway. DNS and CoAP time hold wake locks ({@link AwakeReason#DNS},
 * {@link AwakeReason#COAP}), so they delay deep sleep and show in the awake-time account.
 *
 * <p>It sees the module as an {@link AgentContext} and hears boots, attaches and power cuts as a
 * {@link ModuleLifecycle} listener. Every method runs serialised on the module (its callers and
 * its clock tasks hold the module's lock).
 */
public final class CtAgent implements ModuleLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CtAgent.class);
    /**
     * The ZZHC reply of an injected {@code error} fault: a well-formed reply whose code is not
     * {@code "0"} and is none of the lab platform's own codes, so it is recognisable in logs.
     */
    static final ZzhcReply INJECTED_ERROR = new ZzhcReply("9", "Injected error");

    /** The outcome of the latest finished attempt. */
    private enum Outcome { NONE, SUCCESS, FAILURE }

    /** Told each finished attempt: its number in this boot (1 to 3) and whether the platform acknowledged it. */
    @FunctionalInterface
    public interface AttemptListener {
        void ended(int attemptThisBoot, boolean succeeded);
    }

    private final AgentContext module;
    private final List<AttemptListener> listeners = new CopyOnWriteArrayList<>();
    private int attemptsThisBoot;
    private Outcome lastOutcome = Outcome.NONE;
    private int attempt;
    private boolean registering;
    private WakeLock work;

    /** The agent of {@code module}; an {@code error} fault of its network answers a ZZHC error reply from now on. */
    public CtAgent(AgentContext module) {
        this.module = module;
        module.network().answerErrorFaultsWith(LabService.CT, CtAgent::injectedErrorReply);
    }

    /** What an injected {@code error} fault answers in the platform's place (interfaces.md). */
    static Response injectedErrorReply() {
        Response reply = new Response(ResponseCode.CONTENT);
        reply.getOptions().setContentFormat(Bc260yFacts.CT_CONTENT_FORMAT);
        reply.setPayload(INJECTED_ERROR.encode());
        return reply;
    }

    /** A boot: attempts are counted from zero again. */
    @Override
    public void booted() {
        attemptsThisBoot = 0;
    }

    /** The first attach after a boot: registers when the trigger holds. */
    @Override
    public void attached() {
        Optional<CtIdentity> identity = identityToRegister();
        if (identity.isEmpty()) {
            return;
        }
        log.info("{} CT self-registration needed: {} (stored {})", module.profile().imei(), identity.get(),
                module.saved().ctRegistration().map(Object::toString).orElse("none"));
        attempt();
    }

    /** Power is gone: whatever was under way is dropped, unreported. */
    @Override
    public void powerLost() {
        attempt++; // answers to the old attempt, should any come, are stale
        registering = false;
        work = null; // the module drops its wake locks itself
    }

    /** Calls {@code listener} after each finished attempt, serialised on the module; it must not block. */
    public void onAttempt(AttemptListener listener) {
        listeners.add(listener);
    }

    public CtStatus status() {
        return new CtStatus(attemptsThisBoot, lastOutcome.name().toLowerCase(Locale.ROOT));
    }

    /** Whether an attempt is under way. */
    public boolean registering() {
        return registering;
    }

    /** The tuple to report when this boot must register; empty when it must not. */
    private Optional<CtIdentity> identityToRegister() {
        Optional<RunningConfig> running = module.running();
        Optional<Sim> sim = module.sim();
        if (running.isEmpty() || !running.get().ctSelfRegistrationEnabled() || sim.isEmpty()
                || Carrier.ofImsi(sim.get().imsi()) != Carrier.CHINA_TELECOM) {
            return Optional.empty();
        }
        CtIdentity current = new CtIdentity(module.profile().firmware(), module.profile().imei(), sim.get().iccid());
        if (module.saved().ctRegistration().equals(Optional.of(current))) {
            return Optional.empty(); // seed 2.1.2: registered, and neither firmware nor pairing changed
        }
        return Optional.of(current);
    }

    private void attempt() {
        int serial = ++attempt;
        attemptsThisBoot++;
        registering = true;
        work = module.holdAwake(AwakeReason.DNS);
        log.info("{} CT attempt {} of {}", module.profile().imei(), attemptsThisBoot, Bc260yFacts.CT_ATTEMPTS_PER_BOOT);
        module.network().resolve(CarrierServers.CT_DOMAIN, resolution -> resolved(serial, resolution));
    }

    private void resolved(int serial, Resolution resolution) {
        if (serial != attempt) {
            return;
        }
        if (!resolution.succeeded()) {
            failed("DNS: " + resolution.failure().get());
            return;
        }
        WakeLock exchange = module.holdAwake(AwakeReason.COAP);
        work.release();
        work = exchange;
        Destination platform = resolution.destination().get();
        module.network().send(platform, report(), Bc260yFacts.CT_RETRANSMISSION, outcome -> answered(serial, outcome));
    }

    private Request report() {
        Sim sim = module.sim().orElseThrow();
        ZzhcReport report = ZzhcReport.v2(module.profile().imei(), module.profile().ctModel(), module.profile().firmware(),
                sim.iccid(), sim.imsi());
        Request request = new Request(Code.POST);
        request.getOptions().addUriPath(Bc260yFacts.CT_PATH).setContentFormat(Bc260yFacts.CT_CONTENT_FORMAT);
        request.setPayload(report.encode());
        return request;
    }

    private void answered(int serial, CoapOutcome outcome) {
        if (serial != attempt) {
            return;
        }
        if (!(outcome instanceof CoapOutcome.Answered answered)) {
            failed("CoAP: " + outcome);
            return;
        }
        Response response = answered.response();
        if (!response.isSuccess()) {
            failed("CoAP " + response.getCode());
            return;
        }
        ZzhcOutcome reply = ZzhcReply.parse(response.getPayload());
        if (reply instanceof ZzhcOutcome.Failure failure) {
            failed("reply: " + failure.detail());
            return;
        }
        succeeded();
    }

    private void succeeded() {
        Sim sim = module.sim().orElseThrow();
        CtIdentity identity = new CtIdentity(module.profile().firmware(), module.profile().imei(), sim.iccid());
        module.saved().saveCtRegistration(identity);
        lastOutcome = Outcome.SUCCESS;
        log.info("{} CT self-registration succeeded; stored {}", module.profile().imei(), identity);
        finish();
        listeners.forEach(listener -> listener.ended(attemptsThisBoot, true));
    }

    private void failed(String why) {
        lastOutcome = Outcome.FAILURE;
        boolean retry = attemptsThisBoot < Bc260yFacts.CT_ATTEMPTS_PER_BOOT && sleepDisabled();
        log.info("{} CT attempt {} failed ({}); {}", module.profile().imei(), attemptsThisBoot, why,
                retry ? "retry in " + Bc260yFacts.CT_RETRY_INTERVAL
                        : attemptsThisBoot < Bc260yFacts.CT_ATTEMPTS_PER_BOOT ? "sleep allowed: next boot" : "no more this boot");
        if (retry) {
            int serial = attempt;
            module.poweredClock().schedule(Bc260yFacts.CT_RETRY_INTERVAL, () -> retryDue(serial));
        }
        finish();
        listeners.forEach(listener -> listener.ended(attemptsThisBoot, false));
    }

    /** Retries only if sleep is still disabled: a host that allowed sleep meanwhile gets seed 2.1.4. */
    private void retryDue(int serial) {
        if (serial != attempt) {
            return;
        }
        if (!sleepDisabled()) {
            log.info("{} CT retry skipped: sleep is allowed now (AT+QSCLK={}); next boot", module.profile().imei(),
                    module.saved().sleepMode());
            return;
        }
        attempt();
    }

    /** Seed 2.1.4: the module retries only when sleep is disabled ({@code AT+QSCLK=0}). */
    private boolean sleepDisabled() {
        return module.saved().sleepMode() == Bc260yFacts.SLEEP_MODE_DISABLED;
    }

    /** Ends the attempt; releasing the wake lock lets the idle time run towards deep sleep. */
    private void finish() {
        registering = false;
        WakeLock done = work;
        work = null;
        done.release();
    }
}
