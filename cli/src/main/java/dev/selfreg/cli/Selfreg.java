package dev.selfreg.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code selfreg} command: the lab, the emulated module and the host tools. */
@Command(name = "selfreg", mixinStandardHelpOptions = true, version = "selfreg 0.1.0",
        description = "Carrier self-registration toolkit and lab for the Quectel BC260Y-CN.",
        subcommands = {PlatformCommand.class, ModuleCommand.class, ScenarioCommand.class, DemoCommand.class, AtConsoleCommand.class, StatusCommand.class,
                ProvisionCommand.class, CommandLine.HelpCommand.class})
public final class Selfreg {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Selfreg()).execute(args));
    }
}
