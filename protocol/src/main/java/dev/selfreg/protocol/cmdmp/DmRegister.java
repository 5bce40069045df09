package dev.selfreg.protocol.cmdmp;

import java.util.List;
import java.util.Objects;

/**
 * The parameters of a DM 2.0 LwM2M Register (cmcc-dm-wire.md, "Register"): CON POST {@code /rd}, Content-Format 40,
 * query options {@code ep}, {@code lt}, {@code lwm2m=1.0}, {@code b=U} and the fixed object-links payload.
 *
 * @param endpoint the {@code ep} value, normally {@link DmEndpointName#text()}; any text, so a test can send a
 *     malformed one
 * @param lifetime {@code lt} in seconds, positive
 */
public record DmRegister(String endpoint, long lifetime) {

    /** The path a Register is posted to. */
    public static final String PATH = "rd";
    /** application/link-format. */
    public static final int CONTENT_FORMAT = 40;
    /** The objects the module declares; object 666 carries the terminal information. */
    public static final String PAYLOAD = "</>;rt=\"oma.lwm2m\",</1/0>,</3/0>,</4/0>,</5/0>,</666/0>";
    /** Query key of the endpoint name. */
    public static final String ENDPOINT_KEY = "ep";
    /** Query key of the lifetime. */
    public static final String LIFETIME_KEY = "lt";
    /** Query key of the LwM2M version. */
    public static final String LWM2M_VERSION_KEY = "lwm2m";
    /** Query key of the binding. */
    public static final String BINDING_KEY = "b";
    /** The only LwM2M version DM 2.0 speaks. */
    public static final String LWM2M_VERSION = "1.0";
    /** UDP binding, no queue mode. */
    public static final String BINDING = "U";

    /** Requires an endpoint and a positive lifetime. */
    public DmRegister {
        Objects.requireNonNull(endpoint, "endpoint");
        if (lifetime <= 0) {
            throw new IllegalArgumentException("lifetime must be positive: " + lifetime);
        }
    }

    /** The Uri-Query options in the order the module sends them: {@code ep}, {@code lt}, {@code lwm2m}, {@code b}. */
    public List<UriQueryOption> queryOptions() {
        return List.of(
                new UriQueryOption(ENDPOINT_KEY, endpoint),
                new UriQueryOption(LIFETIME_KEY, Long.toString(lifetime)),
                new UriQueryOption(LWM2M_VERSION_KEY, LWM2M_VERSION),
                new UriQueryOption(BINDING_KEY, BINDING));
    }
}
