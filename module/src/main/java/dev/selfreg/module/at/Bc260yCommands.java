package dev.selfreg.module.at;

import dev.selfreg.at.AtCommandSet;

/** Every AT command the emulated BC260Y-CN answers besides the engine's own (AT, ATE, CMEE). */
public final class Bc260yCommands {

    private Bc260yCommands() {
    }

    public static AtCommandSet<AtContext> all() {
        return new AtCommandSet<AtContext>()
                .add(new QsregenableCommand())
                .add(new QdmpcfgCommand())
                .add(new QdmpcfgexCommand())
                .add(new IdentificationCommand())
                .add(new CgmrCommand())
                .add(new CgsnCommand())
                .add(new CimiCommand())
                .add(new QccidCommand())
                .add(new CpinCommand())
                .add(new CfunCommand())
                .add(new CeregCommand())
                .add(new QsclkCommand())
                .add(new QrstCommand());
    }
}
