package dev.selfreg.checks.rules;

import dev.selfreg.checks.CertificationRule;
import dev.selfreg.checks.CheckResult;
import dev.selfreg.checks.Evidence;
import dev.selfreg.checks.Product;
import dev.selfreg.checks.Severity;
import dev.selfreg.checks.observed.Boot;
import dev.selfreg.checks.observed.DeviceObservation;
import dev.selfreg.checks.observed.DmMessage;
import dev.selfreg.protocol.Carrier;
import java.util.ArrayList;
import java.util.List;

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
    public CheckResult judge(DeviceObservation device, Product product) {
        List<DmMessage.Register> registers = device.dm(DmMessage.Register.class);
        if (registers.isEmpty()) {
            return notObserved("no CMDMP Register from this device");
        }
        List<Evidence> bad = new ArrayList<>();
        List<Evidence> good = new ArrayList<>();
        for (DmMessage.Register register : registers) {
            switch (register.identity()) {
                case NOT_CHECKED -> { }
                case VERIFIED -> {
                    String problem = imsiProblem(device, register);
                    if (problem == null) {
                        good.add(evidence(register, "decrypts; IMEI matches" + (register.imsi() == null ? ""
                                : ", IMSI " + register.imsi())));
                    } else {
                        bad.add(evidence(register, problem));
                    }
                }
                default -> bad.add(evidence(register, "endpoint " + register.identity().label()
                        + (register.detail().isEmpty() ? "" : ": " + register.detail())));
            }
        }
        if (!bad.isEmpty()) {
            return broken(bad.size() + " Register(s) whose endpoint name does not decrypt to this device", bad);
        }
        return good.isEmpty()
                ? notObserved("the APPkey is not known to the platform, so the endpoint was not decrypted (--dm-app)")
                : pass("the endpoint name decrypts to this device's IMEI and IMSI", good);
    }

    private static String imsiProblem(DeviceObservation device, DmMessage.Register register) {
        if (register.imsi() == null) {
            return null;
        }
        if (Carrier.ofImsi(register.imsi()) != Carrier.CHINA_MOBILE) {
            return "the IMSI inside, " + register.imsi() + ", is not a China Mobile IMSI";
        }
        Boot boot = device.bootOf(register.time());
        if (boot != null && boot.imsi() != null && !boot.imsi().equals(register.imsi())) {
            return "the IMSI inside is " + register.imsi() + ", the SIM of " + boot.ref() + " has " + boot.imsi();
        }
        return null;
    }
}
