package dev.selfreg.checks;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * How many China Telecom attempts a device may make per boot, and how far apart (certification-checks.md, "The
 * product declaration"; rule CT-8).
 */
public enum RetryProfile {
    /** NB-IoT: the first attempt and two retries, 1 h apart (seed 2.1.3, "重试 2 次，每次重试间隔时间为 1 小时"). */
    NB_IOT("nb-iot", 2, "seed 2.1.3"),
    /** Cat.1: the first attempt and ten retries, 1 h apart (Unisoc/Fibocom {@code vnetIot.c}, Cat.1 build). */
    CAT1("cat1", 10, "vendor code");

    /** Between a failed attempt and the next (seed 2.1.3); the vendor code keeps the seed's interval. */
    private static final Duration RETRY_INTERVAL = Duration.ofHours(1);

    private final String code;
    private final int retries;
    private final String source;

    RetryProfile(String code, int retries, String source) {
        this.code = code;
        this.retries = retries;
        this.source = source;
    }

    /** How a product file names it: {@code nb-iot} or {@code cat1}. */
    public String code() {
        return code;
    }

    /** Attempts per boot at most: the first and the retries. */
    public int attemptsPerBoot() {
        return 1 + retries;
    }

    /** The shortest wait between a failed attempt and the next one in the same boot. */
    public Duration retryInterval() {
        return RETRY_INTERVAL;
    }

    /** Where the count comes from. */
    public String source() {
        return source;
    }

    /** The profile a product file names {@code code}. */
    public static Optional<RetryProfile> ofCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }
}
