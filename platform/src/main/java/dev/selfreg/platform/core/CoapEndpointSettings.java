package dev.selfreg.platform.core;

import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;

/**
 * Californium settings shared by every CoAP endpoint of the lab platform (ZZHC and CMDMP).
 *
 * <p>Deduplication remembers the last {@value CoapConfig#DEFAULT_PEERS_MARK_AND_SWEEP_MESSAGES} messages of each
 * device ({@code PEERS_MARK_AND_SWEEP}) instead of every message of the last exchange lifetime (Californium's default
 * {@code MARK_AND_SWEEP}, 247 s). The default's memory grows with the message rate: a fleet reporting 10,000 times a
 * second keeps some 2.5 million exchanges, and the platform runs out of heap. A module sends one request at a time
 * and retransmits it at most four times, so a retransmission always finds its original among the device's recent
 * messages and is still answered from the cache, never stored twice.
 */
public final class CoapEndpointSettings {

    static {
        CoapConfig.register();
        UdpConfig.register();
    }

    private CoapEndpointSettings() {
    }

    /** Californium's standard configuration (no properties file) with the platform's settings. */
    public static Configuration standard() {
        return apply(Configuration.createStandardWithoutFile());
    }

    /** Applies the platform's settings to {@code config}; returns it. */
    public static Configuration apply(Configuration config) {
        return config.set(CoapConfig.DEDUPLICATOR, CoapConfig.DEDUPLICATOR_PEERS_MARK_AND_SWEEP);
    }
}
