package dev.selfreg.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.selfreg.host.Bc260yDriver;
import dev.selfreg.host.DmSettings;
import dev.selfreg.host.ModuleIdentity;
import dev.selfreg.host.SelfRegistrationStatus;
import dev.selfreg.host.SettingText;
import dev.selfreg.host.TerminalInfo;
import dev.selfreg.vocabulary.TerminalInfoField;
import java.io.PrintWriter;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code selfreg status}: every self-registration setting of a module, running and saved, and its DM state. */
@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Show every self-registration setting of a module, running and saved, and its CMDMP state.",
                "AT+QSREGENABLE and AT+QDMPCFGEX show only what is saved; AT+QDMPCFG shows both (running: AT+QDMPCFG?, saved: AT+QDMPCFG=4,n).",
                "The password is shown as the module masks it."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {HostCommand.EXIT_OK, HostCommand.EXIT_ERROR_RESULT, HostCommand.EXIT_NO_ANSWER, HostCommand.EXIT_PORT,
                HostCommand.EXIT_UNEXPECTED, HostCommand.EXIT_USAGE, ExitCodes.LINE_INTERNAL})
final class StatusCommand extends HostCommand {

    /** The module has no view of the setting in this column. */
    private static final String NO_VIEW = "-";
    private static final String NOT_SET = "(not set)";

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    int run(Bc260yDriver driver) throws Exception {
        SelfRegistrationStatus status = driver.status();
        PrintWriter out = out();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json(status)));
        } else {
            out.println("BC260Y-CN on " + driver.channel().description());
            out.println(identity(status.identity()));
            out.print(table(status).render(styled()));
        }
        out.flush();
        return OK;
    }

    private static String identity(ModuleIdentity identity) {
        return "IMEI " + identity.imei() + "  IMSI " + identity.imsi().orElse("(no SIM)") + "  ICCID "
                + identity.iccid().orElse("(no SIM)") + "  firmware " + identity.firmware();
    }

    private static TextTable table(SelfRegistrationStatus status) {
        TextTable table = new TextTable("Setting", "Running", "Saved");
        table.row("CT self-registration", NO_VIEW, SettingText.ct(status.ctSelfRegistration()));
        dm(table, status, "DM mode", dm -> SettingText.mode(dm.mode()));
        dm(table, status, "DM server", dm -> dm.server().address());
        dm(table, status, "DM port", dm -> Integer.toString(dm.server().port()));
        dm(table, status, "DM update period", dm -> dm.server().updatePeriodSeconds() + " s");
        dm(table, status, "DM APPkey", dm -> dm.credentials().appKey());
        dm(table, status, "DM password", dm -> dm.credentials().password().masked());
        dm(table, status, "DM terminal type", dm -> SettingText.terminalType(dm.credentials().terminalType()));
        dm(table, status, "DM terminal IMEI", dm -> dm.credentials().terminalImei());
        table.row("DM state", SettingText.state(status.dmState()), NO_VIEW);
        for (TerminalInfo info : status.terminalInfo()) {
            for (TerminalInfoField field : info.type().fields()) {
                table.row(field.seedName(), NO_VIEW, SettingText.info(info.get(field)));
            }
        }
        return table;
    }

    private static void dm(TextTable table, SelfRegistrationStatus status, String setting, Function<DmSettings, String> value) {
        table.row(setting, orNotSet(value.apply(status.runningDm())), orNotSet(value.apply(status.savedDm())));
    }

    private static String orNotSet(String value) {
        return value.isEmpty() ? NOT_SET : value;
    }

    private static ObjectNode json(SelfRegistrationStatus status) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ObjectNode identity = root.putObject("identity");
        identity.put("imei", status.identity().imei());
        identity.put("imsi", status.identity().imsi().orElse(null));
        identity.put("iccid", status.identity().iccid().orElse(null));
        identity.put("firmware", status.identity().firmware());
        ObjectNode ct = root.putObject("ctSelfRegistration");
        ct.put("saved", status.ctSelfRegistration().code());
        ct.put("enabled", status.ctSelfRegistration().isEnabled());
        ObjectNode dm = root.putObject("dm");
        dm(dm.putObject("running"), status.runningDm());
        dm(dm.putObject("saved"), status.savedDm());
        ObjectNode state = dm.putObject("state");
        state.put("code", status.dmState().code());
        state.put("meaning", status.dmState().meaning());
        ObjectNode saved = root.putObject("terminalInfo").putObject("saved");
        for (TerminalInfo info : status.terminalInfo()) {
            for (TerminalInfoField field : info.type().fields()) {
                saved.put(field.seedName(), info.get(field).orElse(null));
            }
        }
        return root;
    }

    private static void dm(ObjectNode node, DmSettings settings) {
        node.put("mode", settings.mode().code());
        node.put("server", settings.server().address());
        node.put("port", settings.server().port());
        node.put("updatePeriod", settings.server().updatePeriodSeconds());
        node.put("appKey", settings.credentials().appKey());
        node.put("password", settings.credentials().password().masked());
        node.put("terminalType", settings.credentials().terminalType().code());
        node.put("terminalImei", settings.credentials().terminalImei());
    }
}
