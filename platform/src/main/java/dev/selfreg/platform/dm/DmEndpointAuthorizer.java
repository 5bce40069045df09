package dev.selfreg.platform.dm;

import dev.selfreg.protocol.cmdmp.DmCipher;
import dev.selfreg.protocol.cmdmp.DmDialect;
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
import java.util.function.Function;
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
 * but flagged in lab mode and refused (4.03) when strict. Update: {@code epi}, in its short or full form, is checked
 * the same way against the IMEI of the Register; a 3-field identity is accepted and flagged. An approval carries the
 * device's {@link DmIdentity} as Leshan application data, so Leshan keeps it with the registration.
 *
 * <p>Every dialect of cmcc-dm-wire.md is accepted and named in the verdict's {@link DmDialect}: {@code V2.0}, a second
 * IMEI, the epi forms. An identity the application's key cannot decrypt is tried with the empty-password key: a module
 * without a password encrypts with it; the real platform cannot read that, so the lab refuses it the same way (4.03)
 * and says why; for an unknown APPkey it reads the identity that way where it can.
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
    /** Why an identity that only the empty-password key reads is refused. */
    private static final String EMPTY_PASSWORD_KEY_DETAIL = "encrypted with the empty-password key (SHA-256 of 32 x 0):"
            + " the module's password is empty, the application's is not";

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
                    + name.appKey().length() + " characters, the lab keeps at most " + APP_KEY_CHARS,
                    Optional.of(name.dialect()));
        }
        Optional<DmCipher> cipher = applications.cipher(name.appKey());
        KeyedCheck keyed = KeyedCheck.of(cipher, name::verify);
        Optional<DmDialect> dialect = Optional.of(keyed.dialect().orElse(name.dialect()));
        if (cipher.isEmpty()) {
            String detail = "APPkey " + name.appKey() + " is not in the application table (--dm-app)";
            return strict
                    ? new DmVerdict.Rejected(endpoint, name.imei(), DmFinding.UNKNOWN_APP_KEY,
                            detail + ", refused by --strict", dialect)
                    : new DmVerdict.Flagged(DmIdentity.of(name, false, keyed.imsi(), dialect.get()),
                            DmFinding.UNKNOWN_APP_KEY, detail + ", identity not checked" + keyed.unknownAppKeyNote(),
                            dialect);
        }
        if (keyed.emptyPasswordKey()) {
            return new DmVerdict.Rejected(endpoint, name.imei(), DmFinding.ENDPOINT_MISMATCH,
                    EMPTY_PASSWORD_KEY_DETAIL, dialect);
        }
        if (keyed.check() instanceof DmIdentityCheck.Mismatch mismatch) {
            return new DmVerdict.Rejected(endpoint, name.imei(), DmFinding.ENDPOINT_MISMATCH,
                    mismatch.reason() + ": " + mismatch.detail(), dialect);
        }
        return new DmVerdict.Accepted(DmIdentity.of(name, true, keyed.imsi(), dialect.get()), dialect);
    }

    private DmVerdict update(List<UriQueryOption> query, DmIdentity registered) {
        if (!registered.dm()) {
            return new DmVerdict.Flagged(registered, DmFinding.NOT_DM_ENDPOINT,
                    "a plain LwM2M client: no epi to check");
        }
        List<String> epis = values(query, DmEpi.QUERY_KEY);
        if (epis.isEmpty()) {
            return new DmVerdict.Rejected(registered.endpoint(), registered.imei(), DmFinding.MISSING_EPI,
                    "a DM 2.0 Update carries epi, short Base64(AES(<IMEI>-****-<IMSI>-****)) or in the full form");
        }
        if (epis.size() > 1) {
            return new DmVerdict.Rejected(registered.endpoint(), registered.imei(), DmFinding.MALFORMED_EPI,
                    "epi is given " + epis.size() + " times");
        }
        DmEpi epi = new DmEpi(epis.get(0));
        DmDialect form = DmDialect.of(epi.form() == DmEpi.Form.FULL ? DmDialect.Feature.EPI_FULL
                : DmDialect.Feature.EPI_SHORT);
        Optional<String> flaw = epi.flaw();
        if (flaw.isPresent()) {
            return new DmVerdict.Rejected(registered.endpoint(), registered.imei(), DmFinding.MALFORMED_EPI,
                    flaw.get(), Optional.of(form));
        }
        Optional<String> otherAppKey = epi.fields().map(DmEndpointName::appKey)
                .filter(appKey -> !appKey.equals(registered.appKey()));
        if (otherAppKey.isPresent()) {
            return new DmVerdict.Rejected(registered.endpoint(), registered.imei(), DmFinding.EPI_MISMATCH,
                    "full-form epi names APPkey " + otherAppKey.get() + ", registered with " + registered.appKey(),
                    Optional.of(form));
        }
        Optional<DmCipher> cipher = applications.cipher(registered.appKey());
        KeyedCheck keyed = KeyedCheck.of(cipher, c -> epi.verify(c, registered.imei()));
        Optional<DmDialect> dialect = Optional.of(keyed.dialect().orElse(form));
        if (cipher.isEmpty()) {
            String detail = "APPkey " + registered.appKey() + " is not in the application table (--dm-app)";
            return strict
                    ? new DmVerdict.Rejected(registered.endpoint(), registered.imei(), DmFinding.UNKNOWN_APP_KEY,
                            detail + ", refused by --strict", dialect)
                    : new DmVerdict.Flagged(keyed.imsi() == null ? registered : registered.withImsi(keyed.imsi()),
                            DmFinding.UNKNOWN_APP_KEY, detail + ", epi not checked" + keyed.unknownAppKeyNote(),
                            dialect);
        }
        if (keyed.emptyPasswordKey()) {
            return new DmVerdict.Rejected(registered.endpoint(), registered.imei(), DmFinding.EPI_MISMATCH,
                    EMPTY_PASSWORD_KEY_DETAIL, dialect);
        }
        if (keyed.check() instanceof DmIdentityCheck.Mismatch mismatch) {
            return new DmVerdict.Rejected(registered.endpoint(), registered.imei(), DmFinding.EPI_MISMATCH,
                    mismatch.reason() + ": " + mismatch.detail(), dialect);
        }
        DmIdentity updated = registered.withImsi(keyed.imsi());
        if (dialect.get().has(DmDialect.Feature.EPI_THREE_FIELDS)) {
            return new DmVerdict.Flagged(updated, DmFinding.THREE_FIELD_EPI,
                    "epi reads <IMEI>-****-<IMSI> without its last field ****", dialect);
        }
        return new DmVerdict.Accepted(updated, dialect);
    }

    /**
     * An identity checked with the application's key and, when that cannot decrypt it (or there is no application),
     * with the empty-password key: a module whose password is empty encrypts with it (cmcc-dm-wire.md, "Endpoint
     * name"), which a real platform refuses when the application has a password.
     *
     * @param check the check that decides
     * @param emptyPasswordKey whether it verified with the empty-password key
     */
    private record KeyedCheck(DmIdentityCheck check, boolean emptyPasswordKey) {

        static KeyedCheck of(Optional<DmCipher> application, Function<DmCipher, DmIdentityCheck> verify) {
            DmIdentityCheck own = application.map(verify).orElse(null);
            if (own != null && !(own instanceof DmIdentityCheck.Mismatch mismatch
                    && mismatch.reason() == DmIdentityCheck.Reason.UNDECRYPTABLE)) {
                return new KeyedCheck(own, false);
            }
            DmIdentityCheck empty = verify.apply(DmCipher.EMPTY_PASSWORD_KEY);
            return empty instanceof DmIdentityCheck.Verified || own == null
                    ? new KeyedCheck(empty, empty instanceof DmIdentityCheck.Verified)
                    : new KeyedCheck(own, false);
        }

        /** The decrypted IMSI, null when the identity did not verify. */
        String imsi() {
            return check instanceof DmIdentityCheck.Verified verified ? verified.imsi() : null;
        }

        /** The dialect the identity was read in, the key included; empty when it did not verify. */
        Optional<DmDialect> dialect() {
            if (!(check instanceof DmIdentityCheck.Verified verified)) {
                return Optional.empty();
            }
            return Optional.of(emptyPasswordKey
                    ? verified.dialect().with(DmDialect.Feature.EMPTY_PASSWORD_KEY) : verified.dialect());
        }

        /** What an unknown application's record adds: whether the empty-password key read the identity. */
        String unknownAppKeyNote() {
            return emptyPasswordKey ? "; it decrypts with the empty-password key (the module has no password)" : "";
        }
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
