package dev.selfreg.checks.rules;

import dev.selfreg.checks.CertificationRule;
import dev.selfreg.checks.EvidenceLog;
import dev.selfreg.checks.Product;
import dev.selfreg.checks.Severity;
import dev.selfreg.checks.observed.Boot;
import dev.selfreg.checks.observed.DmMessage;
import dev.selfreg.protocol.Carrier;
import java.time.Instant;

/**
 * DM-1: the endpoint name parses and decrypts with the application's password, naming the endpoint's IMEI, and the
 * IMSI inside is a China Mobile IMSI — the SIM's, where the boot tells it (cmcc-dm-wire.md, "Endpoint name").
 */
final class EndpointDecrypts extends CertificationRule {

    EndpointDecrypts() {
        super("DM-1", "the endpoint name parses and decrypts with the application's password; IMEI and IMSI inside"
                + " match", "wire spec", Severity.FAILURE);
    }

    @Override
    public Fold start(Product product) {
        return new Fold() {
            private final EvidenceLog bad = new EvidenceLog();
            private final EvidenceLog good = new EvidenceLog();
            private boolean registered;
            private Boot boot;

            @Override
            public void boot(Boot next) {
                boot = next;
            }

            @Override
            public void message(DmMessage message) {
                if (!(message instanceof DmMessage.Register register)) {
                    return;
                }
                registered = true;
                switch (register.identity()) {
                    case NOT_CHECKED -> { }
                    case VERIFIED -> {
                        String problem = imsiProblem(boot, register);
                        if (problem == null) {
                            good.add(register, () -> "decrypts; IMEI matches" + (register.imsi() == null ? ""
                                    : ", IMSI " + register.imsi()));
                        } else {
                            bad.add(register, () -> problem);
                        }
                    }
                    default -> bad.add(register, () -> "endpoint " + register.identity().label()
                            + (register.detail().isEmpty() ? "" : ": " + register.detail()));
                }
            }

            @Override
            public Judged verdict(Instant observedUntil) {
                if (!registered) {
                    return notObserved("no CMDMP Register from this device");
                }
                if (!bad.isEmpty()) {
                    return broken(bad.count() + " Register(s) whose endpoint name does not decrypt to this device",
                            bad);
                }
                return good.isEmpty()
                        ? notObserved("the APPkey is not known to the platform, so the endpoint was not decrypted"
                                + " (--dm-app)")
                        : pass("the endpoint name decrypts to this device's IMEI and IMSI", good);
            }
        };
    }

    /** What is wrong with the IMSI inside, the Register made in {@code boot} ({@code null} when unknown). */
    private static String imsiProblem(Boot boot, DmMessage.Register register) {
        if (register.imsi() == null) {
            return null;
        }
        if (Carrier.ofImsi(register.imsi()) != Carrier.CHINA_MOBILE) {
            return "the IMSI inside, " + register.imsi() + ", is not a China Mobile IMSI";
        }
        if (boot != null && boot.imsi() != null && !boot.imsi().equals(register.imsi())) {
            return "the IMSI inside is " + register.imsi() + ", the SIM of " + boot.ref() + " has " + boot.imsi();
        }
        return null;
    }
}
