package dev.selfreg.platform.dm;

import dev.selfreg.platform.core.LogText;
import dev.selfreg.platform.core.PlatformTime;
import dev.selfreg.platform.store.StoreException;
import dev.selfreg.protocol.cmdmp.DmCipher;
import dev.selfreg.protocol.cmdmp.DmDecryptException;
import dev.selfreg.protocol.cmdmp.TerminalInfo;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.eclipse.leshan.core.node.LwM2mObjectInstance;
import org.eclipse.leshan.core.node.LwM2mResource;
import org.eclipse.leshan.core.observation.Observation;
import org.eclipse.leshan.core.request.ContentFormat;
import org.eclipse.leshan.core.request.ReadRequest;
import org.eclipse.leshan.core.request.exception.TimeoutException;
import org.eclipse.leshan.core.response.ReadResponse;
import org.eclipse.leshan.server.LeshanServer;
import org.eclipse.leshan.server.registration.Registration;
import org.eclipse.leshan.server.registration.RegistrationListener;
import org.eclipse.leshan.server.registration.RegistrationUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leshan registration listener that reads the terminal information {@code /666/0} (TLV) after each Register and
 * Update and stores its decrypted values (cmcc-dm-wire.md, "Object 666"), and records a lifetime expiry.
 *
 * <p>Leshan calls it once the answer has reached the device, so the read never overtakes the 2.01/2.04. The read is
 * asynchronous: a device that does not answer stays registered and the failed read is an event. Each read is work
 * under way on the {@link PlatformTime} from before its request leaves until its outcome is recorded, so a lab's
 * virtual clock does not move on while a module's answer is still being taken in.
 */
final class DmTerminalInfoReader implements RegistrationListener {

    private static final Logger log = LoggerFactory.getLogger(DmTerminalInfoReader.class);
    /** Keeps the 14 decrypted values within dm_device.terminal_info (8000 characters of JSON). */
    private static final int VALUE_CHARS = 500;

    private final LeshanServer server;
    private final DmApplications applications;
    private final DmRecorder recorder;
    private final Duration timeout;
    private final PlatformTime time;
    private volatile boolean closed;

    /**
     * @param timeout how long to wait for the device's answer
     */
    DmTerminalInfoReader(LeshanServer server, DmApplications applications, DmRecorder recorder, Duration timeout,
            PlatformTime time) {
        this.server = server;
        this.applications = applications;
        this.recorder = recorder;
        this.timeout = timeout;
        this.time = time;
    }

    /** Stops recording: answers and cancelled reads arriving while the server shuts down are dropped. */
    void close() {
        closed = true;
    }

    @Override
    public void registered(Registration registration, Registration previous, Collection<Observation> observations) {
        read(registration);
    }

    @Override
    public void updated(RegistrationUpdate update, Registration updated, Registration previous) {
        read(updated);
    }

    @Override
    public void unregistered(Registration registration, Collection<Observation> observations, boolean expired,
            Registration newRegistration) {
        if (expired) {
            keep(time.begin("record of an expiry"), () -> {
                recorder.expired(registration);
                return CompletableFuture.completedFuture(null);
            });
            log.info("DM registration expired: {}", LogText.of(registration.getEndpoint()));
        }
    }

    private void read(Registration registration) {
        if (closed) {
            return;
        }
        DmIdentity identity = DmIdentity.of(registration);
        if (!registration.getSupportedObject().containsKey(TerminalInfo.OBJECT_ID)) {
            if (identity.dm()) {
                keep(time.begin("record of a read not made"), () -> recorder.readWithoutValues(identity, "failed",
                        "object 666 is not among the objects the Register declared"));
            }
            return;
        }
        PlatformTime.Work work = time.begin("read of /666/0");
        try {
            server.send(registration,
                    new ReadRequest(ContentFormat.TLV, TerminalInfo.OBJECT_ID, TerminalInfo.INSTANCE_ID),
                    timeout.toMillis(),
                    response -> keep(work, () -> answered(registration, identity, response)),
                    error -> keep(work, () -> unanswered(identity, error)));
        } catch (RuntimeException e) {
            work.done();
            throw e;
        }
    }

    private CompletableFuture<Void> answered(Registration registration, DmIdentity identity, ReadResponse response) {
        if (!response.isSuccess()) {
            return recorder.readWithoutValues(identity, "failed", "/666/0 answered " + response.getCode().getName()
                    + (response.getErrorMessage() == null ? "" : ": " + response.getErrorMessage()));
        }
        if (!(response.getContent() instanceof LwM2mObjectInstance instance)) {
            return recorder.readWithoutValues(identity, "failed",
                    "/666/0 answered something else than an object instance");
        }
        Map<Integer, String> wire = new LinkedHashMap<>();
        for (LwM2mResource resource : instance.getResources().values()) {
            if (!resource.isMultiInstances() && resource.getValue() instanceof String value) {
                wire.put(resource.getId(), value);
            }
        }
        Optional<DmCipher> cipher = identity.appKeyKnown() ? applications.cipher(identity.appKey()) : Optional.empty();
        if (cipher.isEmpty()) {
            return recorder.readWithoutValues(identity, "flagged", "object 666 read; values not decrypted: "
                    + (identity.dm() ? "unknown APPkey " + identity.appKey() : "not a DM 2.0 endpoint"));
        }
        TerminalInfo info;
        try {
            info = TerminalInfo.decrypt(wire, cipher.get());
        } catch (DmDecryptException e) {
            return recorder.readWithoutValues(identity, "failed", "object 666 does not decrypt: " + e.reason() + " "
                    + e.getMessage());
        }
        Map<Integer, String> values = info.byResourceId();
        for (Map.Entry<Integer, String> value : values.entrySet()) {
            if (value.getValue().length() > VALUE_CHARS) {
                return recorder.readWithoutValues(identity, "failed", "object 666 resource " + value.getKey()
                        + " holds " + value.getValue().length() + " characters, the lab keeps at most " + VALUE_CHARS);
            }
        }
        return recorder.terminalInfo(registration.getId(), identity, values);
    }

    private CompletableFuture<Void> unanswered(DmIdentity identity, Exception error) {
        String why = error instanceof TimeoutException
                ? "no answer within " + timeout.toMillis() + " ms"
                : error.getClass().getSimpleName() + ": " + error.getMessage();
        return recorder.readWithoutValues(identity, "failed", "read of /666/0 failed: " + why);
    }

    /**
     * Runs a recording step on a Leshan thread, which has nobody to report a failure to but the log; {@code work} is
     * done once the step's record is committed, or the step failed.
     */
    private void keep(PlatformTime.Work work, Supplier<CompletableFuture<Void>> step) {
        if (closed) {
            work.done();
            return;
        }
        try {
            step.get().whenComplete((ignored, failure) -> work.done());
        } catch (StoreException e) {
            log.error("DM record not stored: {}", e.getMessage());
            work.done();
        } catch (RuntimeException e) {
            work.done();
            throw e;
        }
    }
}
