package dev.selfreg.host;

import dev.selfreg.vocabulary.DmMode;
import dev.selfreg.vocabulary.TerminalInfoField;
import dev.selfreg.vocabulary.TerminalInfoType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Provisions a module: writes a {@link ProvisioningPlan}, reads the saved values back, reboots
 * so that they run, and checks the running values. Stops before the reboot when a read-back
 * differs, so a unit is never left running a configuration that did not save as intended.
 */
public final class Provisioning {

    private Provisioning() {
    }

    /**
     * Runs the plan.
     *
     * @throws AtChannelException when a command fails (it is named); mismatches are not thrown
     *                            but reported
     */
    public static ProvisioningReport run(Bc260yDriver driver, ProvisioningPlan plan) {
        SelfRegistrationStatus before = driver.status();
        List<Check> checks = write(driver, plan, before);
        SelfRegistrationStatus saved = driver.status();
        Optional<SelfRegistrationStatus> after = Optional.empty();
        if (checks.stream().allMatch(check -> check.saved.apply(saved).equals(check.expected))) {
            driver.reboot();
            after = Optional.of(driver.status());
        }
        List<ProvisioningReport.Row> rows = new ArrayList<>();
        for (Check check : checks) {
            rows.add(check.row(before, saved, after));
        }
        return new ProvisioningReport(before.identity(), rows, after.isPresent());
    }

    /** Writes what the plan gives, completed from the saved values, and says how to check each setting. */
    private static List<Check> write(Bc260yDriver driver, ProvisioningPlan plan, SelfRegistrationStatus before) {
        List<Check> checks = new ArrayList<>();
        plan.ctEnabled().ifPresent(enabled -> {
            driver.saveCtSelfRegistration(enabled);
            String expected = SettingText.ct(enabled ? CtSelfRegistration.ENABLED : CtSelfRegistration.DISABLED);
            checks.add(new Check("CT self-registration", "AT+QSREGENABLE?", "AT+QSREGENABLE?",
                    status -> SettingText.ct(status.ctSelfRegistration()), status -> SettingText.ct(status.ctSelfRegistration()), expected));
        });
        plan.dmMode().ifPresent(mode -> {
            driver.saveDmMode(mode);
            checks.add(dm("DM mode", 0, settings -> SettingText.mode(settings.mode()), SettingText.mode(mode)));
        });
        if (plan.touchesServer()) {
            DmServer current = before.savedDm().server();
            DmServer server = new DmServer(plan.dmServer().orElse(current.address()), plan.dmPort().orElse(current.port()),
                    plan.dmUpdatePeriod().orElse(current.updatePeriodSeconds()));
            driver.saveDmServer(server);
            checks.add(dm("DM server", 1, settings -> settings.server().address(), server.address()));
            checks.add(dm("DM port", 1, settings -> Integer.toString(settings.server().port()), Integer.toString(server.port())));
            checks.add(dm("DM update period", 1, settings -> Long.toString(settings.server().updatePeriodSeconds()),
                    Long.toString(server.updatePeriodSeconds())));
        }
        if (plan.touchesCredentials()) {
            DmCredentials current = before.savedDm().credentials();
            DmCredentials credentials = new DmCredentials(plan.dmAppKey().orElseThrow(), plan.dmPassword().orElseThrow(),
                    plan.dmTerminalType().orElse(current.terminalType()), plan.dmTerminalImei().orElse(""));
            driver.saveDmCredentials(credentials);
            String imei = plan.dmTerminalImei().orElse(current.terminalImei());
            checks.add(dm("DM APPkey", 2, settings -> settings.credentials().appKey(), credentials.appKey()));
            checks.add(dm("DM password", 2, settings -> settings.credentials().password().masked(), credentials.password().masked()));
            checks.add(dm("DM terminal type", 2, settings -> SettingText.terminalType(settings.credentials().terminalType()),
                    SettingText.terminalType(credentials.terminalType())));
            checks.add(dm("DM terminal IMEI", 2, settings -> settings.credentials().terminalImei(), imei));
        }
        Map<TerminalInfoType, TerminalInfo> infos = new EnumMap<>(TerminalInfoType.class);
        plan.terminalInfo().forEach((field, value) -> infos.put(field.type(),
                infos.getOrDefault(field.type(), before.terminalInfo(field.type())).with(field, value)));
        for (TerminalInfo info : infos.values()) {
            driver.saveTerminalInfo(info);
            String command = "AT+QDMPCFGEX=" + info.type().code() + ",1";
            for (TerminalInfoField field : info.type().fields()) {
                Function<SelfRegistrationStatus, String> read = status -> SettingText.info(status.terminalInfo(field.type()).get(field));
                checks.add(new Check(field.seedName(), command, command, read, read, SettingText.info(info.get(field))));
            }
        }
        return checks;
    }

    /** A CMDMP setting: saved view {@code AT+QDMPCFG=4,<n>}, running view {@code AT+QDMPCFG?}. */
    private static Check dm(String setting, int queryOpt, Function<DmSettings, String> read, String expected) {
        return new Check(setting, "AT+QDMPCFG=4," + queryOpt, "AT+QDMPCFG?",
                status -> read.apply(status.savedDm()), status -> read.apply(status.runningDm()), expected);
    }

    /**
     * How to check one setting.
     *
     * @param saved how to read it from the saved view
     * @param after how to read it after the reboot (running view where there is one)
     */
    private record Check(String setting, String savedCommand, String afterCommand,
                         Function<SelfRegistrationStatus, String> saved, Function<SelfRegistrationStatus, String> after,
                         String expected) {

        ProvisioningReport.Row row(SelfRegistrationStatus before, SelfRegistrationStatus savedStatus,
                                   Optional<SelfRegistrationStatus> afterStatus) {
            String readBack = saved.apply(savedStatus);
            Optional<String> shownAfter = afterStatus.map(after);
            Optional<String> mismatch = readBack.equals(expected)
                    ? shownAfter.filter(value -> !value.equals(expected)).map(value ->
                            "after the reboot " + afterCommand + " shows " + setting + " '" + value + "', expected '" + expected + "'")
                    : Optional.of(savedCommand + " reads back " + setting + " '" + readBack + "', expected '" + expected + "'");
            return new ProvisioningReport.Row(setting, after.apply(before), expected, readBack, shownAfter, mismatch);
        }
    }
}
