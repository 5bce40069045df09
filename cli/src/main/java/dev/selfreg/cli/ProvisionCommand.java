package dev.selfreg.cli;

import dev.selfreg.host.Bc260yDriver;
import dev.selfreg.host.DmPassword;
import dev.selfreg.host.Provisioning;
import dev.selfreg.host.ProvisioningPlan;
import dev.selfreg.host.ProvisioningReport;
import dev.selfreg.vocabulary.DmMode;
import dev.selfreg.vocabulary.TerminalInfoField;
import dev.selfreg.vocabulary.TerminalType;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code selfreg provision}: writes self-registration settings, reads the saved values back,
 * reboots, checks the running values, and prints a before/after table. The password is never
 * printed: only the module's mask of it.
 */
@Command(name = "provision", mixinStandardHelpOptions = true, sortOptions = false,
        modelTransformer = ProvisionCommand.SettingOptions.class,
        description = {"Provision a module's self-registration settings: write, read back the saved values, reboot (AT+QRST=1, wait for RDY),"
                + " check the running values, and print a before/after table.",
                "Settings not given keep their saved values; a partly given group (server/port/period, a QDMPCFGEX type) is completed"
                + " from what is saved. The APPkey and the password go together (AT+QDMPCFG=2 writes both; the module never shows the password).",
                "Turns on numeric errors (AT+CMEE=1) so that a refused write says why.",
                "--file takes the same settings as YAML, each key an option name without the dashes (dm-port: 5683);"
                + " options on the command line win over the file."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {"0:Written, read back, rebooted and running as written.", HostCommand.EXIT_ERROR_RESULT,
                HostCommand.EXIT_NO_ANSWER, HostCommand.EXIT_PORT, HostCommand.EXIT_MISMATCH, HostCommand.EXIT_UNEXPECTED,
                "64:Wrong options or file, or nothing to provision.", ExitCodes.LINE_INTERNAL})
final class ProvisionCommand extends HostCommand {

    /** Every setting, in the order the help lists them. */
    private static final List<Setting<?>> SETTINGS = List.of(
            Setting.of("--ct-enable", "0|1", "China Telecom self-registration, AT+QSREGENABLE (1/true/on or 0/false/off).",
                    Boolean.class, ProvisionCommand::onOff, ProvisioningPlan.Builder::ctEnabled),
            Setting.of("--dm-mode", "0|1", "CMDMP access, AT+QDMPCFG=0 (1/allowed or 0/forbidden).",
                    DmMode.class, DmMode::parse, ProvisioningPlan.Builder::dmMode),
            Setting.text("--dm-server", "ADDRESS", "CMDMP server IP or domain name, AT+QDMPCFG=1.", ProvisioningPlan.Builder::dmServer),
            Setting.of("--dm-port", "PORT", "CMDMP server port (1-65535).",
                    Integer.class, number(Integer::valueOf, "an int"), ProvisioningPlan.Builder::dmPort),
            Setting.of("--dm-period", "SECONDS", "Update period (300-4294966 s).",
                    Long.class, number(Long::valueOf, "a long"), ProvisioningPlan.Builder::dmUpdatePeriod),
            Setting.text("--dm-appkey", "APPKEY", "CMDMP APPkey, AT+QDMPCFG=2.", ProvisioningPlan.Builder::dmAppKey),
            new Setting<>("--dm-password", "PASSWORD", "CMDMP password (without a value: asked for, not echoed). Never printed.",
                    String.class, value -> value, (builder, value) -> builder.dmPassword(DmPassword.of(value)), true),
            Setting.of("--dm-terminal-type", "TYPE", "Terminal type: 0/interface, 1/linux, 2/android.",
                    TerminalType.class, TerminalType::parse, ProvisioningPlan.Builder::dmTerminalType),
            Setting.text("--dm-imei", "IMEI", "Terminal IMEI (15-17 digits).", ProvisioningPlan.Builder::dmTerminalImei),
            Setting.info("--app-info", TerminalInfoField.APP_INFO, ": name|package|usage ms|open count;..."),
            Setting.info("--mac", TerminalInfoField.MAC),
            Setting.info("--rom", TerminalInfoField.ROM),
            Setting.info("--ram", TerminalInfoField.RAM),
            Setting.info("--cpu", TerminalInfoField.CPU),
            Setting.info("--os-version", TerminalInfoField.OS_SYS_VER),
            Setting.info("--sw-version", TerminalInfoField.SW_VER),
            Setting.info("--sw-name", TerminalInfoField.SW_NAME),
            Setting.info("--volte", TerminalInfoField.VOLTE),
            Setting.info("--net-type", TerminalInfoField.NET_TYPE),
            Setting.info("--account", TerminalInfoField.ACCOUNT),
            Setting.info("--phone-number", TerminalInfoField.PHONE_NUM),
            Setting.info("--location", TerminalInfoField.LOCATION, ". NULL for any QDMPCFGEX field: no information."));

    @Option(names = "--file", paramLabel = "FILE", description = "YAML file of settings (keys: the option names below without dashes).")
    Path file;

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
    ProvisioningPlan plan() {
        if (file != null) {
            readFile();
        }
        ProvisioningPlan.Builder builder = ProvisioningPlan.builder();
        try {
            SETTINGS.forEach(setting -> setting.plan(builder, spec.findOption(setting.option())));
            ProvisioningPlan built = builder.build();
            if (built.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "nothing to provision: give at least one setting");
            }
            return built;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /**
     * Sets every option the file gives and the command line does not, through the converter the
     * option uses. Every scalar is read as a string, so 0123 stays 0123 and 5683 goes through the
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
            Setting<?> setting = SETTINGS.stream().filter(candidate -> candidate.option().equals("--" + key)).findFirst()
                    .orElseThrow(() -> new ParameterException(spec.commandLine(), file + ": unknown setting '" + key + "'"));
            if (!(value instanceof String text)) {
                throw new ParameterException(spec.commandLine(), file + ": " + key + " needs a single value");
            }
            OptionSpec option = spec.findOption(setting.option());
            if (!spec.commandLine().getParseResult().hasMatchedOption(option)) {
                try {
                    option.setValue(setting.converter().convert(text));
                } catch (Exception e) {
                    throw new ParameterException(spec.commandLine(), file + ": " + key + ": " + e.getMessage());
                }
            }
        });
    }

    /** A YAML resolver that leaves every plain scalar a string. */
    private static final class StringsOnly extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            // None: no numbers, booleans or nulls guessed from text; every plain scalar is a string.
        }
    }

    /** 1/true/on/yes or 0/false/off/no. */
    private static Boolean onOff(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "1", "true", "on", "yes" -> true;
            case "0", "false", "off", "no" -> false;
            default -> throw new TypeConversionException("expected 1 or 0 (true/false, on/off), not '" + value + "'");
        };
    }

    /** A decimal number, refused as picocli refuses one ({@code 'x' is not an int}). */
    private static <T> ITypeConverter<T> number(Function<String, T> parse, String kind) {
        return value -> {
            try {
                return parse.apply(value);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not " + kind);
            }
        };
    }

    /**
     * One setting provision writes: its option (and its key in --file, the name without the
     * dashes), its help, how its text becomes a value and where the value goes in the plan.
     *
     * @param asked whether the option may come without a value, which is then asked for and not echoed
     */
    private record Setting<T>(String option, String label, String description, Class<T> type, ITypeConverter<T> converter,
                              BiConsumer<ProvisioningPlan.Builder, T> planned, boolean asked) {

        static <T> Setting<T> of(String option, String label, String description, Class<T> type, ITypeConverter<T> converter,
                                 BiConsumer<ProvisioningPlan.Builder, T> planned) {
            return new Setting<>(option, label, description, type, converter, planned, false);
        }

        static Setting<String> text(String option, String label, String description, BiConsumer<ProvisioningPlan.Builder, String> planned) {
            return of(option, label, description, String.class, value -> value, planned);
        }

        /** A QDMPCFGEX field, described by its type's code and the seed's name for it. */
        static Setting<String> info(String option, TerminalInfoField field) {
            return info(option, field, ".");
        }

        static Setting<String> info(String option, TerminalInfoField field, String more) {
            return text(option, "TEXT", "QDMPCFGEX " + field.type().code() + " " + field.seedName() + more,
                    (builder, value) -> builder.terminalInfo(field, value));
        }

        OptionSpec optionSpec() {
            OptionSpec.Builder builder = OptionSpec.builder(option).paramLabel(label).description(description).type(type)
                    .converters(converter);
            return (asked ? builder.arity("0..1").interactive(true) : builder.arity("1")).build();
        }

        /** Puts the option's value, if it has one, in the plan. */
        void plan(ProvisioningPlan.Builder builder, OptionSpec option) {
            T value = option.getValue();
            if (value != null) {
                planned.accept(builder, value);
            }
        }
    }

    /**
     * Adds the settings' options, listed in the help where they were declared: after --file,
     * before --reboot-timeout and the help options.
     */
    static final class SettingOptions implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            List<OptionSpec> options = spec.options();
            List<OptionSpec> after = List.copyOf(options.subList(options.indexOf(spec.findOption("--reboot-timeout")), options.size()));
            after.forEach(spec::remove);
            SETTINGS.forEach(setting -> spec.addOption(setting.optionSpec()));
            after.forEach(spec::addOption);
            return spec;
        }
    }
}
