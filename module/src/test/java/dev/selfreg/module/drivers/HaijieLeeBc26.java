package dev.selfreg.module.drivers;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code Init_NB} of Haijie-Lee's NB-IOT_API ({@code Components/BC26_AT.c}, {@code nb_cmd.c}),
 * written from the facts in docs/spec/host-drivers.md §4 and docs/research/bc260y-cn-at-commands.md
 * §6. Its reply matching is its own: a line answers a command when its first three characters
 * are those of the expected head. It polls the reply up to ten times after short delays; its
 * {@code main()} runs {@code Init_NB} again until it succeeds. No code of the driver is copied.
 */
final class HaijieLeeBc26 {

    /** Ten polls, each after a post-send delay of up to 50 ms. */
    static final Duration REPLY_WAIT = Duration.ofMillis(10 * 50);
    /** Between two runs of {@code Init_NB} in {@code main()} (Interpretation: not recorded). */
    static final Duration RETRY_DELAY = Duration.ofSeconds(1);

    private final Mcu mcu;

    HaijieLeeBc26(Mcu mcu) {
        this.mcu = mcu;
    }

    /** {@code main()}: {@code Init_NB} until it succeeds, here at most {@code runs} times. */
    Outcome initUntilDone(int runs) {
        Outcome last = Outcome.failed("never run");
        for (int run = 1; run <= runs; run++) {
            last = initNb();
            if (last.completed()) {
                return last;
            }
            mcu.log("Init_NB run " + run + ": " + last.message());
            mcu.delay(RETRY_DELAY);
        }
        return last;
    }

    Outcome initNb() {
        if (expect("AT+SM=LOCK", "OK").isEmpty()) {
            return Outcome.failed("AT+SM=LOCK");
        }
        if (expect("ATE0", "OK").isEmpty()) {
            return Outcome.failed("ATE0");
        }
        Optional<String> imei = expect("AT+CGSN=1", "+CGSN:").map(line -> line.substring("+CGSN:".length()).strip())
                .filter(digits -> digits.length() == 15);
        if (imei.isEmpty()) {
            return Outcome.failed("AT+CGSN=1");
        }
        Optional<String> imsi = expect("AT+CIMI", "460").filter(line -> line.length() == 15);
        if (imsi.isEmpty()) {
            return Outcome.failed("AT+CIMI");
        }
        if (expect("AT+CFUN?", "+CFUN:").filter(notZero("+CFUN: ")).isEmpty()) {
            return Outcome.failed("AT+CFUN?");
        }
        if (expect("AT+CGATT?", "+CGATT:").filter(notZero("+CGATT: ")).isEmpty()) {
            return Outcome.failed("AT+CGATT?");
        }
        return Outcome.completed("IMEI " + imei.get() + ", IMSI " + imsi.get());
    }

    /** The reply line whose first three characters are {@code head}'s. */
    private Optional<String> expect(String command, String head) {
        String match = head.substring(0, Math.min(3, head.length()));
        return mcu.send(command, REPLY_WAIT).lines().stream().filter(line -> line.startsWith(match)).findFirst();
    }

    /** {@code <prefix>%c} is not {@code '0'}. */
    private static Predicate<String> notZero(String prefix) {
        return line -> line.startsWith(prefix) && line.length() > prefix.length() && line.charAt(prefix.length()) != '0';
    }
}
