package dev.selfreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The commands that keep a store on disk keep it apart by default. */
class DefaultStoresTest {

    @Test
    void theLiveDemoAndThePlatformDoNotShareADefaultStore() {
        CommandLine selfreg = new CommandLine(new Selfreg());

        String platform = selfreg.getSubcommands().get("platform").getCommandSpec().findOption("--data-dir").defaultValue();
        String demo = selfreg.getSubcommands().get("demo").getCommandSpec().findOption("--data-dir").defaultValue();

        assertThat(platform).isEqualTo("selfreg-data");
        assertThat(demo).isEqualTo("selfreg-demo-data");
    }
}
