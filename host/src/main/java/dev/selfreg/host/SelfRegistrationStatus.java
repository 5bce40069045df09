package dev.selfreg.host;

import dev.selfreg.vocabulary.DmState;
import dev.selfreg.vocabulary.TerminalInfoType;
import java.util.List;

/**
 * Every self-registration setting of a module at one moment, and the CMDMP state.
 *
 * @param identity           who the module is
 * @param ctSelfRegistration {@code AT+QSREGENABLE?}: the saved value (the command has no running view)
 * @param runningDm          {@code AT+QDMPCFG?}: the configuration of the current boot
 * @param savedDm            {@code AT+QDMPCFG=4,0..2}: what the next boot will run
 * @param dmState            {@code AT+QDMPCFG=6}
 * @param terminalInfo       {@code AT+QDMPCFGEX=<type>,1} for the six types: the saved values
 *                           (the command has no running view)
 */
public record SelfRegistrationStatus(ModuleIdentity identity, CtSelfRegistration ctSelfRegistration,
                                     DmSettings runningDm, DmSettings savedDm, DmState dmState,
                                     List<TerminalInfo> terminalInfo) {

    public SelfRegistrationStatus {
        terminalInfo = List.copyOf(terminalInfo);
    }

    public TerminalInfo terminalInfo(TerminalInfoType type) {
        return terminalInfo.stream().filter(info -> info.type() == type).findFirst().orElseThrow();
    }
}
