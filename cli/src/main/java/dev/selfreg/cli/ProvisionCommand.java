package dev.selfreg.cli;

import dev.selfreg.host.Bc260yDriver;
import dev.selfreg.host.DmMode;
import dev.selfreg.host.DmPassword;
import dev.selfreg.host.Provisioning;
import dev.selfreg.host.ProvisioningPlan;
import dev.selfreg.host.ProvisioningReport;
import dev.selfreg.vocabulary.TerminalInfoField;
import dev.selfreg.vocabulary.TerminalType;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code selfreg provision}: writes self-registration settings, reads the saved values back,
 * reboots, checks the running values, and prints a before/after table. The password is never
 * printed: only the module's mask of it.
 */
@Command(name = "provision", mixinStandardHelpOptions = true, sortOptions = false, exitCodeOnInvalidInput = HostCommand.USAGE,
        description = {"Provision a module's self-registration settings: write, read back the saved values, reboot (AT+QRST=1, wait for RDY),"
                + " check the running values, and print a before/after table.",
                "Settings not given keep their saved values; a partly given group (server/port/period, a QDMPCFGEX type) is completed"
                + " from what is saved. The APPkey and the password go together (AT+QDMPCFG=2 writes both; the module never shows the password).",
                "Turns on numeric errors (AT+CMEE=1) so that a refused write says why.",
                "--file takes the same settings as YAML, each key an option name without the dashes (dm-port: 5683);"
                + " options on the command line win over the file."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:Written, read back, rebooted and running as written.", HostCommand.EXIT_ERROR_RESULT,
                HostCommand.EXIT_NO_ANSWER, HostCommand.EXIT_PORT, HostCommand.EXIT_MISMATCH, HostCommand.EXIT_UNEXPECTED,
                "64:Wrong options or file, or nothing to provision."})
final class ProvisionCommand extends HostCommand {

    @Option(names = "--file", paramLabel = "FILE", description = "YAML file of settings (keys: the option names below without dashes).")
    Path file;

    @Option(names = "--ct-enable", arity = "1", paramLabel = "0|1", converter = OnOffConverter.class,
            description = "China Telecom self-registration, AT+QSREGENABLE (1/true/on or 0/false/off).")
    Boolean ctEnable;

    @Option(names = "--dm-mode", paramLabel = "0|1", converter = DmModeConverter.class,
            description = "CMDMP access, AT+QDMPCFG=0 (1/allowed or 0/forbidden).")
    DmMode dmMode;

    @Option(names = "--dm-server", paramLabel = "ADDRESS", description = "CMDMP server IP or domain name, AT+QDMPCFG=1.")
    String dmServer;

    @Option(names = "--dm-port", paramLabel = "PORT", description = "CMDMP server port (1-65535).")
    Integer dmPort;

    @Option(names = "--dm-period", paramLabel = "SECONDS", description = "Update period (300-4294966 s).")
    Long dmPeriod;

    @Option(names = "--dm-appkey", paramLabel = "APPKEY", description = "CMDMP APPkey, AT+QDMPCFG=2.")
    String dmAppKey;

    @Option(names = "--dm-password", paramLabel = "PASSWORD", arity = "0..1", interactive = true,
            description = "CMDMP password (without a value: asked for, not echoed). Never printed.")
    String dmPassword;

    @Option(names = "--dm-terminal-type", paramLabel = "TYPE", converter = TerminalTypeConverter.class,
            description = "Terminal type: 0/interface, 1/linux, 2/android.")
    TerminalType dmTerminalType;

    @Option(names = "--dm-imei", paramLabel = "IMEI", description = "Terminal IMEI (15-17 digits).")
    String dmImei;

    @Option(names = "--app-info", paramLabel = "TEXT", description = "QDMPCFGEX 0 APPInfo: name|package|usage ms|open count;...")
    String appInfo;

    @Option(names = "--mac", paramLabel = "TEXT", description = "QDMPCFGEX 1 MAC.")
    String mac;

    @Option(names = "--rom", paramLabel = "TEXT", description = "QDMPCFGEX 2 ROM.")
    String rom;

    @Option(names = "--ram", paramLabel = "TEXT", description = "QDMPCFGEX 2 RAM.")
    String ram;

    @Option(names = "--cpu", paramLabel = "TEXT", description = "QDMPCFGEX 2 CPU.")
    String cpu;

    @Option(names = "--os-version", paramLabel = "TEXT", description = "QDMPCFGEX 2 osSysVer.")
    String osVersion;

    @Option(names = "--sw-version", paramLabel = "TEXT", description = "QDMPCFGEX 3 swVer.")
    String swVersion;

    @Option(names = "--sw-name", paramLabel = "TEXT", description = "QDMPCFGEX 3 swName.")
    String swName;

    @Option(names = "--volte", paramLabel = "TEXT", description = "QDMPCFGEX 4 VoLTE.")
    String volte;

    @Option(names = "--net-type", paramLabel = "TEXT", description = "QDMPCFGEX 4 netType.")
    String netType;

    @Option(names = "--account", paramLabel = "TEXT", description = "QDMPCFGEX 4 account.")
    String account;

    @Option(names = "--phone-number", paramLabel = "TEXT", description = "QDMPCFGEX 4 phoneNum.")
    String phoneNumber;

    @Option(names = "--location", paramLabel = "TEXT", description = "QDMPCFGEX 5 location. NULL for any QDMPCFGEX field: no information.")
    String location;

    @Option(names = "--reboot-timeout", paramLabel = "SECONDS", defaultValue = "15",
            description = "How long the reboot may take until RDY (default: ${DEFAULT-VALUE}).")
    long rebootSeconds;

    private ProvisioningPlan plan;

    @Override
    void prepare() {
        plan = plan();
    }

    @Override
    Duration rebootTimeout() {
        return Duration.ofSeconds(rebootSeconds);
    }

    @Override
    int run(Bc260yDriver driver) {
        driver.useNumericErrors();
        ProvisioningReport report = Provisioning.run(driver, plan);
        out().println("BC260Y-CN " + report.identity().imei() + " on " + driver.channel().description());
        TextTable table = new TextTable("Setting", "Before", "Written", "After reboot", "Check");
        for (ProvisioningReport.Row row : report.rows()) {
            boolean ok = row.mismatch().isEmpty();
            table.row(ok ? TextTable.Tone.GOOD : TextTable.Tone.BAD, row.setting(), shown(row.before()), shown(row.expected()),
                    row.after().map(ProvisionCommand::shown).orElse("(not rebooted)"), ok ? "ok" : "MISMATCH");
        }
        out().print(table.render(styled()));
        out().flush();
        if (!report.verified()) {
            report.mismatches().forEach(mismatch -> err().println("selfreg provision: " + mismatch));
            err().flush();
            return MISMATCH;
        }
        return OK;
    }

    private static String shown(String value) {
        return value.isEmpty() ? "(not set)" : value;
    }

    /** The settings of the file and the options (options win), checked before any is written. */
    private ProvisioningPlan plan() {
        if (file != null) {
            readFile();
        }
        ProvisioningPlan.Builder builder = ProvisioningPlan.builder();
        try {
            if (ctEnable != null) {
                builder.ctEnabled(ctEnable);
            }
            if (dmMode != null) {
                builder.dmMode(dmMode);
            }
            if (dmServer != null) {
                builder.dmServer(dmServer);
            }
            if (dmPort != null) {
                builder.dmPort(dmPort);
            }
            if (dmPeriod != null) {
                builder.dmUpdatePeriod(dmPeriod);
            }
            if (dmAppKey != null) {
                builder.dmAppKey(dmAppKey);
            }
            if (dmPassword != null) {
                builder.dmPassword(DmPassword.of(dmPassword));
            }
            if (dmTerminalType != null) {
                builder.dmTerminalType(dmTerminalType);
            }
            if (dmImei != null) {
                builder.dmTerminalImei(dmImei);
            }
            terminalInfo().forEach((field, value) -> {
                if (value != null) {
                    builder.terminalInfo(field, value);
                }
            });
            ProvisioningPlan built = builder.build();
            if (built.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "nothing to provision: give at least one setting");
            }
            return built;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private Map<TerminalInfoField, String> terminalInfo() {
        Map<TerminalInfoField, String> fields = new LinkedHashMap<>();
        fields.put(TerminalInfoField.APP_INFO, appInfo);
        fields.put(TerminalInfoField.MAC, mac);
        fields.put(TerminalInfoField.ROM, rom);
        fields.put(TerminalInfoField.RAM, ram);
        fields.put(TerminalInfoField.CPU, cpu);
        fields.put(TerminalInfoField.OS_SYS_VER, osVersion);
        fields.put(TerminalInfoField.SW_VER, swVersion);
        fields.put(TerminalInfoField.SW_NAME, swName);
        fields.put(TerminalInfoField.VOLTE, volte);
        fields.put(TerminalInfoField.NET_TYPE, netType);
        fields.put(TerminalInfoField.ACCOUNT, account);
        fields.put(TerminalInfoField.PHONE_NUM, phoneNumber);
        fields.put(TerminalInfoField.LOCATION, location);
        return fields;
    }

    /**
     * Sets every option the file gives and the command line does not, through the option's own
     * converter. Every scalar is read as a string, so 0123 stays 0123 and 5683 goes through the
     * same checks as on the command line.
     */
    private void readFile() {
        Map<String, Object> settings;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            LoaderOptions options = new LoaderOptions();
            Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(), options,
                    new StringsOnly());
            Object loaded = yaml.load(reader);
            if (!(loaded instanceof Map<?, ?> map)) {
                throw new ParameterException(spec.commandLine(), file + ": expected key: value lines");
            }
            settings = new LinkedHashMap<>();
            map.forEach((key, value) -> settings.put(String.valueOf(key), value));
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot read " + file + ": " + e.getMessage());
        } catch (YAMLException e) {
            throw new ParameterException(spec.commandLine(), file + " is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        settings.forEach((key, value) -> {
            OptionSpec option = spec.findOption("--" + key);
            if (option == null || !isSetting(option)) {
                throw new ParameterException(spec.commandLine(), file + ": unknown setting '" + key + "'");
            }
            if (!(value instanceof String text)) {
                throw new ParameterException(spec.commandLine(), file + ": " + key + " needs a single value");
            }
            if (!spec.commandLine().getParseResult().hasMatchedOption(option)) {
                option.setValue(convert(option, key, text));
            }
        });
    }

    /** A provisioning setting: not a port option, not help, not --file or --reboot-timeout. */
    private boolean isSetting(OptionSpec option) {
        return !spec.mixins().get("host").options().contains(option) && !option.usageHelp() && !option.versionHelp()
                && !Set.of("--file", "--reboot-timeout").contains(option.longestName());
    }

    private Object convert(OptionSpec option, String key, String text) {
        try {
            if (option.converters().length > 0) {
                return option.converters()[0].convert(text);
            }
            if (option.type() == Integer.class) {
                return Integer.valueOf(text);
            }
            if (option.type() == Long.class) {
                return Long.valueOf(text);
            }
            return text;
        } catch (Exception e) {
            throw new ParameterException(spec.commandLine(), file + ": " + key + ": " + e.getMessage());
        }
    }

    /** A YAML resolver that leaves every plain scalar a string. */
    private static final class StringsOnly extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            // None: no numbers, booleans or nulls guessed from text; every plain scalar is a string.
        }
    }

    /** 1/true/on/yes or 0/false/off/no. */
    static final class OnOffConverter implements ITypeConverter<Boolean> {
        @Override
        public Boolean convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "1", "true", "on", "yes" -> true;
                case "0", "false", "off", "no" -> false;
                default -> throw new TypeConversionException("expected 1 or 0 (true/false, on/off), not '" + value + "'");
            };
        }
    }

    /** 1/allowed or 0/forbidden. */
    static final class DmModeConverter implements ITypeConverter<DmMode> {
        @Override
        public DmMode convert(String value) {
            return DmMode.parse(value);
        }
    }

    /** 0/interface, 1/linux, 2/android. */
    static final class TerminalTypeConverter implements ITypeConverter<TerminalType> {
        @Override
        public TerminalType convert(String value) {
            return TerminalType.parse(value);
        }
    }
}
