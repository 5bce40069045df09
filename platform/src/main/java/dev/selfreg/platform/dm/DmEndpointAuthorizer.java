package dev.selfreg.platform.dm;

import dev.selfreg.protocol.WireBase64;
import dev.selfreg.protocol.cmdmp.DmCipher;
import dev.selfreg.protocol.cmdmp.DmEndpointName;
import dev.selfreg.protocol.cmdmp.DmEpi;
import dev.selfreg.protocol.cmdmp.DmIdentityCheck;
import dev.selfreg.protocol.cmdmp.DmRegister;
import dev.selfreg.protocol.cmdmp.UriQueryOption;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.leshan.core.peer.LwM2mPeer;
import org.eclipse.leshan.core.request.DeregisterRequest;
import org.eclipse.leshan.core.request.RegisterRequest;
import org.eclipse.leshan.core.request.UpdateRequest;
import org.eclipse.leshan.core.request.UplinkRequest;
import org.eclipse.leshan.server.registration.Registration;
import org.eclipse.leshan.server.security.Authorization;
import org.eclipse.leshan.server.security.Authorizer;

/**
 * The lab platform's DM 2.0 checks (cmcc-dm-wire.md, "Lab platform checks"), as Leshan's {@link Authorizer}: Leshan
 * asks it about every Register, Update and Deregister before it stores or changes a registration.
 *
 * <p>Register: the {@code ep} must have the DM 2.0 shape (else 4.00); with a known APPkey its encrypted identity must
 * name the endpoint's IMEI (else 4.03); an unknown APPkey, or a plain endpoint name without {@code @#@}, is accepted
 * but flagged in lab mode and refused (4.03) when strict. Update: {@code epi} is checked the same way against the
 * IMEI of the Register. An approval carries the device's {@link DmIdentity} as Leshan application data, so Leshan
 * keeps it with the registration.
 *
 * <p>Both values are taken from the raw Uri-Query options of the CoAP request, split at their first {@code =}
 * ({@link UriQueryOption#parse}). Leshan's own parsing is right for {@code ep} but not for {@code epi}: it splits
 * additional attributes at every {@code =}, dropping Base64 padding and any option with an inner {@code =}.
 *
 * <p>An Authorizer can only approve or decline, and Leshan turns a declined Register into 4.03 but a declined Update
 * into 4.00. So this class also records each decision as a {@link DmVerdict}, which {@link DmRegistrationReceiver}
 * takes to give the answer the lab rules ask for.
 */
final class DmEndpointAuthorizer implements Authorizer {

    /**
     * dm_device.app_key. The endpoint name itself fits dm_device.endpoint: a Uri-Query option is at most 255 bytes,
     * which Californium enforces.
     */
    private static final int APP_KEY_CHARS = 128;
    private static final int AES_BLOCK_BYTES = 16;

    private final DmApplications applications;
    private final boolean strict;
    /** Keyed by request identity: Leshan hands the receiver the very object it handed here. */
    private final Map<UplinkRequest<?>, DmVerdict> verdicts = Collections.synchronizedMap(new IdentityHashMap<>());

    /**
     * @param strict refuse unknown APPkeys and plain endpoint names instead of flagging them
     */
    DmEndpointAuthorizer(DmApplications applications, boolean strict) {
        this.applications = applications;
        this.strict = strict;
    }

    @Override
    public Authorization isAuthorized(UplinkRequest<?> request, Registration registration, LwM2mPeer sender) {
        DmVerdict verdict;
        if (request instanceof RegisterRequest) {
            verdict = register(rawQuery(request));
        } else if (request instanceof UpdateRequest) {
            verdict = update(rawQuery(request), DmIdentity.of(registration));
        } else if (request instanceof DeregisterRequest) {
            // The registration location, which only the device was told, is the credential.
            verdict = new DmVerdict.Accepted(DmIdentity.of(registration));
        } else {
            // DM 2.0 is LwM2M 1.0 over plain UDP: no Send, nothing else to authorise.
            return Authorization.declined();
        }
        verdicts.put(request, verdict);
        if (verdict instanceof DmVerdict.Accepted accepted) {
            return Authorization.approved(accepted.identity().applicationData());
        }
        if (verdict instanceof DmVerdict.Flagged flagged) {
            return Authorization.approved(flagged.identity().applicationData());
        }
        return Authorization.declined();
    }

    /** The decision made about this request, if Leshan asked; removes it. */
    Optional<DmVerdict> takeVerdict(UplinkRequest<?> request) {
        return Optional.ofNullable(verdicts.remove(request));
    }

    private DmVerdict register(List<UriQueryOption> query) {
        List<String> endpoints = values(query, DmRegister.ENDPOINT_KEY);
        if (endpoints.size() != 1) {
            return new DmVerdict.Rejected("", null, DmFinding.MALFORMED_ENDPOINT,
                    "ep is given " + endpoints.size() + " times");
        }
        String endpoint = endpoints.get(0);
        String shown = applications.redact(endpoint);
        if (!shown.equals(endpoint)) {
            return new DmVerdict.Rejected(shown, null, DmFinding.MALFORMED_ENDPOINT,
                    "a field of the endpoint name is an application's password (APPkey and password swapped?)");
        }
        if (!endpoint.contains(DmEndpointName.SEPARATOR)) {
            String detail = "no " + DmEndpointName.SEPARATOR + " in the endpoint name: a plain LwM2M client";
            return strict
                    ? new DmVerdict.Rejected(endpoint, null, DmFinding.NOT_DM_ENDPOINT, detail + ", refused by --strict")
                    : new DmVerdict.Flagged(DmIdentity.plain(endpoint), DmFinding.NOT_DM_ENDPOINT,
                            detail + ", nothing checked");
        }
        DmEndpointName.Parse parse = DmEndpointName.parse(endpoint);
        if (parse instanceof DmEndpointName.Malformed malformed) {
            return new DmVerdict.Rejected(endpoint, null, DmFinding.MALFORMED_ENDPOINT, malformed.detail());
        }
        DmEndpointName name = ((DmEndpointName.Parsed) parse).name();
        if (name.appKey().length() > APP_KEY_CHARS) {
            return new DmVerdict.Rejected(endpoint, name.imei(), DmFinding.MALFORMED_ENDPOINT, "the APPkey has "
                    + name.appKey().length() + " characters, the lab keeps at most " + APP_KEY_CHARS);
        }
        Optional<DmCipher> cipher = applications.cipher(name.appKey());
        if (cipher.isEmpty()) {
            String detail = "APPkey " + name.appKey() + " is not in the application table (--dm-app)";
            return strict
                    ? new DmVerdict.Rejected(endpoint, name.imei(), DmFinding.UNKNOWN_APP_KEY,
                            detail + ", refused by --strict")
                    : new DmVerdict.Flagged(DmIdentity.of(name, false, null), DmFinding.UNKNOWN_APP_KEY,
                            detail + ", identity not checked");
        }
        DmIdentityCheck check = name.verify(cipher.get());
        if (check instanceof DmIdentityCheck.Mismatch mismatch) {
            return new DmVerdict.Rejected(endpoint, name.imei(), DmFinding.ENDPOINT_MISMATCH,
                    mismatch.reason() + ": " + mismatch.detail());
        }
        return new DmVerdict.Accepted(DmIdentity.of(name, true, ((DmIdentityCheck.Verified) check).imsi()));
    }

    private DmVerdict update(List<UriQueryOption> query, DmIdentity registered) {
        if (!registered.dm()) {
            return new DmVerdict.Flagged(registered, DmFinding.NOT_DM_ENDPOINT,
                    "a plain LwM2M client: no epi to check");
        }
        List<String> epis = values(query, DmEpi.QUERY_KEY);
        if (epis.isEmpty()) {
            return new DmVerdict.Rejected(registered.endpoint(), registered.imei(), DmFinding.MISSING_EPI,
                    "a DM 2.0 Update carries epi=Base64(AES(<IMEI>-****-<IMSI>-****))");
        }
        if (epis.size() > 1) {
            return new DmVerdict.Rejected(registered.endpoint(), registered.imei(), DmFinding.MALFORMED_EPI,
                    "epi is given " + epis.size() + " times");
        }
        boolean wholeBlocks = WireBase64.decode(epis.get(0))
                .filter(bytes -> bytes.length > 0 && bytes.length % AES_BLOCK_BYTES == 0)
                .isPresent();
        if (!wholeBlocks) {
            return new DmVerdict.Rejected(registered.endpoint(), registered.imei(), DmFinding.MALFORMED_EPI,
                    "epi is not standard padded Base64 of whole AES blocks");
        }
        Optional<DmCipher> cipher = applications.cipher(registered.appKey());
        if (cipher.isEmpty()) {
            String detail = "APPkey " + registered.appKey() + " is not in the application table (--dm-app)";
            return strict
                    ? new DmVerdict.Rejected(registered.endpoint(), registered.imei(), DmFinding.UNKNOWN_APP_KEY,
                            detail + ", refused by --strict")
                    : new DmVerdict.Flagged(registered, DmFinding.UNKNOWN_APP_KEY, detail + ", epi not checked");
        }
        DmIdentityCheck check = new DmEpi(epis.get(0)).verify(cipher.get(), registered.imei());
        if (check instanceof DmIdentityCheck.Mismatch mismatch) {
            return new DmVerdict.Rejected(registered.endpoint(), registered.imei(), DmFinding.EPI_MISMATCH,
                    mismatch.reason() + ": " + mismatch.detail());
        }
        return new DmVerdict.Accepted(registered.withImsi(((DmIdentityCheck.Verified) check).imsi()));
    }

    private static List<UriQueryOption> rawQuery(UplinkRequest<?> request) {
        if (!(request.getCoapRequest() instanceof Request coap)) {
            throw new IllegalStateException("the DM service serves CoAP only, got " + request.getClass());
        }
        return coap.getOptions().getUriQuery().stream().map(UriQueryOption::parse).toList();
    }

    private static List<String> values(List<UriQueryOption> query, String key) {
        return query.stream().filter(option -> option.key().equals(key)).map(UriQueryOption::value).toList();
    }
}
