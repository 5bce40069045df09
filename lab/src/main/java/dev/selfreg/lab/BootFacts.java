package dev.selfreg.lab;

import dev.selfreg.module.ModuleLifecycle;
import dev.selfreg.module.NetworkRegistration;
import dev.selfreg.module.Sim;
import dev.selfreg.module.emulator.Bc260yModule;
import dev.selfreg.platform.checks.DeviceFacts;
import java.util.Optional;

/**
 * Tells the platform's certification checks each boot of an emulated module, at its attach, with the card and
 * firmware it booted: the facts a real module's traffic does not give (CT-7, CT-8, CT-9, DM-6). Told on the first
 * registration after a boot, which every listener hears before the attach that starts the self-registrations, so
 * the boot is on record before its first report.
 */
final class BootFacts implements ModuleLifecycle {

    private final Bc260yModule module;
    private final DeviceFacts facts;
    private boolean booting;

    BootFacts(Bc260yModule module, DeviceFacts facts) {
        this.module = module;
        this.facts = facts;
    }

    @Override
    public void booted() {
        booting = true;
    }

    @Override
    public void registrationChanged(NetworkRegistration registration) {
        if (booting && registration == NetworkRegistration.REGISTERED) {
            booting = false;
            Optional<Sim> sim = module.sim();
            facts.attached(module.profile().imei(), sim.map(Sim::iccid).orElse(null), sim.map(Sim::imsi).orElse(null),
                    module.profile().firmware());
        }
    }

    @Override
    public void powerLost() {
        booting = false;
    }
}
