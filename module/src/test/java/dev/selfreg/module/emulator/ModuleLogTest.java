package dev.selfreg.module.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.module.ModuleLog;
import org.junit.jupiter.api.Test;

/** The parts below the assembly log under the assembly's name, which the docs show as {@code Bc260yModule}. */
class ModuleLogTest {

    @Test
    void theModulesLoggerIsNamedAfterItsAssembly() {
        assertThat(ModuleLog.NAME).isEqualTo(Bc260yModule.class.getName());
    }
}
