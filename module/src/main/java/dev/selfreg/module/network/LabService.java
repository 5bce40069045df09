package dev.selfreg.module.network;

import dev.selfreg.module.Bc260yFacts;
import dev.selfreg.protocol.zzhc.ZzhcReply;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Response;

/**
 * A service of the lab platform that the module's network reaches, by the name the control
 * API's faults use for it. Each knows what an injected error reply looks like for its protocol.
 */
public enum LabService {

    /** China Telecom ZZHC self-registration over CoAP (ct-zzhc-wire.md). */
    CT("ct") {
        @Override
        Response errorReply() {
            Response reply = new Response(ResponseCode.CONTENT);
            reply.getOptions().setContentFormat(Bc260yFacts.CT_CONTENT_FORMAT);
            reply.setPayload(INJECTED_CT_ERROR.encode());
            return reply;
        }
    },

    /** China Mobile CMDMP device management, LwM2M over CoAP (cmcc-dm-wire.md). */
    DM("dm") {
        @Override
        Response errorReply() {
            return new Response(ResponseCode.INTERNAL_SERVER_ERROR);
        }
    };

    /**
     * The ZZHC reply of an injected {@code error} fault: a well-formed reply whose code is not
     * {@code "0"} and is none of the lab platform's own codes, so it is recognisable in logs.
     */
    public static final ZzhcReply INJECTED_CT_ERROR = new ZzhcReply("9", "Injected error");

    private final String label;

    LabService(String label) {
        this.label = label;
    }

    /** The name used by the control API ({@code "ct"}, {@code "dm"}). */
    public String label() {
        return label;
    }

    /** The service of a control API name. */
    public static Optional<LabService> ofLabel(String label) {
        String wanted = label.toLowerCase(Locale.ROOT);
        for (LabService service : values()) {
            if (service.label.equals(wanted)) {
                return Optional.of(service);
            }
        }
        return Optional.empty();
    }

    /** The reply an {@code error} fault gives in place of the platform (without MID and token). */
    abstract Response errorReply();
}
