package dev.selfreg.module.emulator;

import dev.selfreg.module.AwakeReason;
import dev.selfreg.module.ModuleLifecycle;
import dev.selfreg.module.NetworkRegistration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The module's {@link ModuleLifecycle} listeners: each event goes to all of them, in the order they subscribed. */
final class LifecycleEvents implements ModuleLifecycle {

    private final List<ModuleLifecycle> listeners = new CopyOnWriteArrayList<>();

    void subscribe(ModuleLifecycle listener) {
        listeners.add(listener);
    }

    @Override
    public void poweredOn() {
        listeners.forEach(ModuleLifecycle::poweredOn);
    }

    @Override
    public void booted() {
        listeners.forEach(ModuleLifecycle::booted);
    }

    @Override
    public void registrationChanged(NetworkRegistration registration) {
        listeners.forEach(listener -> listener.registrationChanged(registration));
    }

    @Override
    public void attached() {
        listeners.forEach(ModuleLifecycle::attached);
    }

    @Override
    public void wentToDeepSleep() {
        listeners.forEach(ModuleLifecycle::wentToDeepSleep);
    }

    @Override
    public void wokeUp(AwakeReason reason) {
        listeners.forEach(listener -> listener.wokeUp(reason));
    }

    @Override
    public void enteredPsm() {
        listeners.forEach(ModuleLifecycle::enteredPsm);
    }

    @Override
    public void leftPsm() {
        listeners.forEach(ModuleLifecycle::leftPsm);
    }

    @Override
    public void powerLost() {
        listeners.forEach(ModuleLifecycle::powerLost);
    }
}
