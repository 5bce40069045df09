package dev.selfreg.module.at;

import dev.selfreg.at.AtCommandSet;
import dev.selfreg.module.AtDialect;

/**
 * Every AT command the emulated module answers besides the engine's own (AT, ATE, CMEE), per
 * {@link AtDialect}; docs/at-commands-emulated.md lists them with their sources, and a test
 * keeps that page and this set in step.
 */
public final class Bc260yCommands {

    private Bc260yCommands() {
    }

    /** The BC260Y-CN's commands keep nothing of a module's: one set serves every module of the process. */
    private static final AtCommandSet<AtContext> BC260Y_CN = build(AtDialect.BC260Y_CN);

    /**
     * The set for a module of {@code dialect}: the BC260Y-CN's is shared, a BC26-compatible module gets one of its own
     * (its BC26 notices are told once per module). Not to be added to.
     */
    public static AtCommandSet<AtContext> all(AtDialect dialect) {
        return dialect == AtDialect.BC260Y_CN ? BC260Y_CN : build(dialect);
    }

    private static AtCommandSet<AtContext> build(AtDialect dialect) {
        DefaultContext context = DefaultContext.of(dialect);
        AtCommandSet<AtContext> commands = new AtCommandSet<AtContext>()
                .add(new QsregenableCommand())
                .add(new QdmpcfgCommand())
                .add(new QdmpcfgexCommand())
                .add(new IdentificationCommand())
                .add(new CgmiCommand())
                .add(new CgmmCommand())
                .add(new CgmrCommand())
                .add(new CgsnCommand())
                .add(new CclkCommand())
                .add(new IprCommand())
                .add(new StoreProfileCommand())
                .add(new CimiCommand())
                .add(new QccidCommand())
                .add(new CpinCommand())
                .add(new CfunCommand())
                .add(new CeregCommand())
                .add(new CgattCommand())
                .add(new CsqCommand())
                .add(new CesqCommand())
                .add(new CgpaddrCommand(context))
                .add(new CgdcontCommand(context))
                .add(new QcgdefcontCommand())
                .add(new CopsCommand())
                .add(new QbandCommand())
                .add(new QengCommand())
                .add(dialect == AtDialect.BC26_COMPAT ? new QidnscfgWithContextCommand(context) : new QidnscfgCommand())
                .add(new QsclkCommand())
                .add(new CpsmsCommand())
                .add(new CedrxsCommand())
                .add(new CedrxrdpCommand())
                .add(new QcfgCommand())
                .add(new QrstCommand());
        if (dialect == AtDialect.BC26_COMPAT) {
            commands.add(new Bc26Command(new GsnCommand()))
                    .add(new Bc26Command(new QcclkCommand()))
                    .add(new Bc26Command(new AtSettingsResetCommand("Z")))
                    .add(new Bc26Command(new AtSettingsResetCommand("&F")))
                    .add(new Bc26Command(new QpowdCommand()))
                    .add(new Bc26Command(new CgregCommand()))
                    .add(new Bc26Command(new QatwakeupCommand()))
                    .add(new Bc26Command(new QnbioteventCommand()))
                    .add(new Bc26Command(new QrellockCommand()))
                    .add(new Bc26Command(new SmCommand()));
        }
        return commands;
    }
}
