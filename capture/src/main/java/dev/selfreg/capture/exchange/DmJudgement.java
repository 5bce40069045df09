package dev.selfreg.capture.exchange;

import dev.selfreg.checks.observed.DmMessage;
import dev.selfreg.checks.observed.IdentityCheck;
import dev.selfreg.protocol.cmdmp.DmCipher;
import dev.selfreg.protocol.cmdmp.DmDecryptException;
import dev.selfreg.protocol.cmdmp.DmDialect;
import dev.selfreg.protocol.cmdmp.DmEndpointName;
import dev.selfreg.protocol.cmdmp.DmEpi;
import dev.selfreg.protocol.cmdmp.DmIdentityCheck;
import dev.selfreg.protocol.cmdmp.DmRegister;
import dev.selfreg.protocol.cmdmp.TerminalInfo;
import dev.selfreg.protocol.cmdmp.UriQueryOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.leshan.core.model.StaticModel;
import org.eclipse.leshan.core.node.LwM2mObjectInstance;
import org.eclipse.leshan.core.node.LwM2mPath;
import org.eclipse.leshan.core.node.LwM2mResource;
import org.eclipse.leshan.core.node.codec.CodecException;
import org.eclipse.leshan.core.node.codec.DefaultLwM2mDecoder;
import org.eclipse.leshan.core.request.ContentFormat;

/**
 * What the lab platform's DM 2.0 checks (cmcc-dm-wire.md, "Lab platform checks") make of an observed Register,
 * Update and read, with the passwords the reader knows: the same {@link IdentityCheck} for the same endpoint name or
 * {@code epi} (the protocol's {@link DmEndpointName#verify} and {@link DmEpi#verify}), the answer taken from the
 * capture rather than decided.
 */
final class DmJudgement {

    /** LwM2M's default lifetime when a Register gives no {@code lt} (OMA-TS-LightweightM2M 1.0, 5.3.1). */
    static final long DEFAULT_LIFETIME = 86_400;
    private static final DefaultLwM2mDecoder DECODER = new DefaultLwM2mDecoder();
    private static final StaticModel MODEL = new StaticModel(TerminalInfo.objectModel());

    private final Function<String, Optional<DmCipher>> applications;

    DmJudgement(Function<String, Optional<DmCipher>> applications) {
        this.applications = applications;
    }

    /**
     * A registration as a Register made it.
     *
     * @param endpoint the {@code ep}
     * @param imei the endpoint's IMEI; null for a plain LwM2M client
     * @param appKey the APPkey, null when the name has no DM 2.0 shape
     * @param dm whether the name has the DM 2.0 shape
     * @param lastMessage the Register as a message
     */
    record Registered(String endpoint, String imei, String appKey, boolean dm, DmMessage lastMessage) {
    }

    Registered register(String ref, Instant time, Request request, Response response, String answer) {
        List<String> endpoints = values(request, DmRegister.ENDPOINT_KEY);
        String endpoint = endpoints.isEmpty() ? "" : endpoints.get(0);
        OptionalLong lifetime = values(request, DmRegister.LIFETIME_KEY).stream().findFirst()
                .map(DmJudgement::number).orElse(OptionalLong.of(DEFAULT_LIFETIME));
        boolean accepted = response != null && response.getCode() == CoAP.ResponseCode.CREATED;
        String detail = accepted ? "" : response == null ? "register not answered in the capture"
                : "register answered " + answer;
        if (!endpoint.contains(DmEndpointName.SEPARATOR)) {
            return new Registered(endpoint, null, null, false, null);
        }
        DmEndpointName.Parse parse = DmEndpointName.parse(endpoint);
        if (parse instanceof DmEndpointName.Malformed malformed) {
            String[] fields = endpoint.split(DmEndpointName.SEPARATOR, -1);
            String imei = fields.length >= 4 && fields[3].matches("\\d{15,17}") ? fields[3] : null;
            String appKey = fields.length >= 3 ? fields[2] : null;
            return new Registered(endpoint, imei, appKey, true, new DmMessage.Register(ref, time, endpoint, appKey,
                    appKey != null && applications.apply(appKey).isPresent(), IdentityCheck.MALFORMED, null,
                    lifetime, accepted, join(detail, malformed.detail())));
        }
        DmEndpointName name = ((DmEndpointName.Parsed) parse).name();
        Optional<DmCipher> cipher = applications.apply(name.appKey());
        IdentityCheck identity = IdentityCheck.NOT_CHECKED;
        String imsi = null;
        if (cipher.isPresent()) {
            DmIdentityCheck check = name.verify(cipher.get());
            identity = check instanceof DmIdentityCheck.Verified ? IdentityCheck.VERIFIED : IdentityCheck.MISMATCH;
            imsi = check instanceof DmIdentityCheck.Verified verified ? verified.imsi() : null;
            if (check instanceof DmIdentityCheck.Mismatch mismatch) {
                detail = join(detail, mismatch.reason() + ": " + mismatch.detail());
            }
        }
        return new Registered(endpoint, name.imei(), name.appKey(), true, new DmMessage.Register(ref, time,
                endpoint, name.appKey(), cipher.isPresent(), identity, imsi, lifetime, accepted, detail));
    }

    DmMessage.Update update(String ref, Instant time, Registered registration, Request request, Response response,
            String answer) {
        boolean accepted = response != null && response.getCode() == CoAP.ResponseCode.CHANGED;
        String detail = accepted ? "" : response == null ? "update not answered in the capture"
                : "update answered " + answer;
        return new DmMessage.Update(ref, time, registration.endpoint(),
                epi(registration, values(request, DmEpi.QUERY_KEY)), accepted, detail);
    }

    private IdentityCheck epi(Registered registration, List<String> epis) {
        if (!registration.dm()) {
            return IdentityCheck.PLAIN;
        }
        if (epis.size() != 1) {
            return IdentityCheck.MALFORMED;
        }
        DmEpi epi = new DmEpi(epis.get(0));
        if (epi.flaw().isPresent()) {
            return IdentityCheck.MALFORMED;
        }
        if (epi.fields().map(DmEndpointName::appKey).filter(k -> !k.equals(registration.appKey())).isPresent()) {
            return IdentityCheck.MISMATCH;
        }
        Optional<DmCipher> cipher = applications.apply(registration.appKey());
        if (cipher.isEmpty()) {
            return IdentityCheck.NOT_CHECKED;
        }
        DmIdentityCheck check = epi.verify(cipher.get(), registration.imei());
        if (!(check instanceof DmIdentityCheck.Verified verified)) {
            return IdentityCheck.MISMATCH;
        }
        // the platform accepts a 3-field identity and flags it, which the checks read as malformed
        return verified.dialect().has(DmDialect.Feature.EPI_THREE_FIELDS) ? IdentityCheck.MALFORMED
                : IdentityCheck.VERIFIED;
    }

    DmMessage.Read read(String ref, Instant time, Registered registration, Response response, String answer) {
        if (response == null) {
            return failed(ref, time, registration, "/666/0 not answered in the capture");
        }
        if (response.getCode() != CoAP.ResponseCode.CONTENT) {
            return failed(ref, time, registration, "/666/0 answered " + answer);
        }
        LwM2mObjectInstance instance;
        try {
            instance = DECODER.decode(response.getPayload(), ContentFormat.fromCode(
                    response.getOptions().getContentFormat()), new LwM2mPath(TerminalInfo.OBJECT_ID,
                    TerminalInfo.INSTANCE_ID), MODEL, LwM2mObjectInstance.class);
        } catch (CodecException | IllegalArgumentException e) {
            return failed(ref, time, registration, "/666/0 answered something else than an object instance: "
                    + e.getMessage());
        }
        Map<Integer, String> wire = new LinkedHashMap<>();
        for (LwM2mResource resource : instance.getResources().values()) {
            if (!resource.isMultiInstances() && resource.getValue() instanceof String value) {
                wire.put(resource.getId(), value);
            }
        }
        Optional<DmCipher> cipher = registration.appKey() == null ? Optional.empty()
                : applications.apply(registration.appKey());
        if (cipher.isEmpty()) {
            return new DmMessage.Read(ref, time, registration.endpoint(), DmMessage.ReadOutcome.NOT_DECRYPTED, null,
                    "object 666 read; values not decrypted: unknown APPkey " + registration.appKey());
        }
        try {
            return new DmMessage.Read(ref, time, registration.endpoint(), DmMessage.ReadOutcome.DECRYPTED,
                    TerminalInfo.decrypt(wire, cipher.get()).byResourceId(), "");
        } catch (DmDecryptException e) {
            return failed(ref, time, registration, "object 666 does not decrypt: " + e.reason() + " "
                    + e.getMessage());
        }
    }

    private static DmMessage.Read failed(String ref, Instant time, Registered registration, String detail) {
        return new DmMessage.Read(ref, time, registration.endpoint(), DmMessage.ReadOutcome.FAILED, null, detail);
    }

    private static List<String> values(Request request, String key) {
        return request.getOptions().getUriQuery().stream().map(UriQueryOption::parse)
                .filter(option -> option.key().equals(key)).map(UriQueryOption::value).toList();
    }

    private static OptionalLong number(String text) {
        try {
            return OptionalLong.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static String join(String first, String second) {
        return first.isEmpty() ? second : first + ": " + second;
    }
}
