package dev.selfreg.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code selfreg demo}: the embedded-default lab. Until the lab platform and the
 * self-registration agents exist it says what it will do and exits non-zero.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the lab platform and two emulated modules (China Telecom, China Mobile) and show their registrations.")
final class DemoCommand implements Callable<Integer> {

    /** Exit code for a command that is not built yet. */
    static final int NOT_YET = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--once", description = "Run the scenario on the virtual clock, print a summary and exit.")
    boolean once;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("""
                selfreg demo is not built yet. When it is, it will:
                  - start the lab platform (China Telecom ZZHC over CoAP and HTTP, China Mobile CMDMP over LwM2M,
                    an embedded H2 store and the web dashboard) on 127.0.0.1,
                  - start two emulated BC260Y-CN modules, one with a China Telecom SIM and one with a China Mobile
                    SIM and a provisioned APPkey/password,
                  - narrate boot, attach, the CT report, the DM register, the object 666 read and the periodic update,
                  - with --once, run all of it on the virtual clock and print a summary table.
                What works today: `selfreg module` (an emulated module you can talk AT to); see the README.""");
        return NOT_YET;
    }
}
