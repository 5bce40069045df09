package dev.selfreg.module;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The module's own log: boot, sleep, wake and AT events of every part, under the one logger
 * name its users know from the docs ({@code Bc260yModule}, docs/commands/module.md).
 */
public final class ModuleLog {

    /** The name of the module's logger: its assembly's class. */
    public static final String NAME = "dev.selfreg.module.emulator.Bc260yModule";

    /** The module's logger. */
    public static final Logger LOG = LoggerFactory.getLogger(NAME);

    private ModuleLog() {
    }
}
