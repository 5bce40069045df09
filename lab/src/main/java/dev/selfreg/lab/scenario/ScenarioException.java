package dev.selfreg.lab.scenario;

/** A scenario file that cannot be run as written; the message says where and why. */
public final class ScenarioException extends RuntimeException {
    public ScenarioException(String message) {
        super(message);
    }
}
