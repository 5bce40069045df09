package dev.selfreg.cli;

import dev.selfreg.capture.record.WireRecorder;
import dev.selfreg.lab.fleet.Fleet;
import dev.selfreg.lab.fleet.FleetPlan;
import dev.selfreg.lab.fleet.FleetReport;
import dev.selfreg.platform.PlatformSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code selfreg fleet}: many emulated modules against a lab platform on the virtual clock, with a progress bar and
 * a summary table.
 */
@Command(name = "fleet", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run many emulated modules against a lab platform on the virtual clock.",
                "China Telecom units report to ZZHC; China Mobile units are provisioned over AT for the lab's CMDMP"
                        + " application, register, are read and update for the given days.",
                "Shows a progress bar on stderr, then a table of what the modules and the platform saw."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {"0:every expected outcome happened", "1:an expected outcome did not happen",
                ExitCodes.LINE_USAGE, ExitCodes.LINE_UNAVAILABLE, ExitCodes.LINE_INTERNAL})
final class FleetCommand implements Callable<Integer> {

    /** Width of the progress bar, in characters. */
    private static final int BAR = 30;

    @Spec
    CommandSpec spec;

    @Option(names = "--ct", defaultValue = "50", paramLabel = "N",
            description = "Modules with a China Telecom SIM (default ${DEFAULT-VALUE}).")
    int chinaTelecom;

    @Option(names = "--cmcc", defaultValue = "50", paramLabel = "N",
            description = "Modules with a China Mobile SIM (default ${DEFAULT-VALUE}).")
    int chinaMobile;

    @Option(names = "--days", defaultValue = "3", paramLabel = "DAYS",
            description = "Days of module time (default ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--dm-period", defaultValue = "86400", paramLabel = "SECONDS",
            description = "CMDMP update period given to the China Mobile modules (default ${DEFAULT-VALUE}, as Quectel's self-registration manual gives it).")
    long updatePeriod;

    @Option(names = "--db", paramLabel = "JDBC-URL",
            description = "The platform's store (default: an H2 database in memory, gone at exit).")
    String db;

    @Option(names = "--web-port", defaultValue = "0", paramLabel = "PORT", converter = PortNumber.class,
            description = "Dashboard and REST API port (default: a free one).")
    int webPort;

    @Option(names = "--verbose", description = "Log every module's and the platform's steps (INFO) on stderr.")
    boolean verbose;

    @Mixin
    ProductOption product;

    @Mixin
    PcapOption pcap;

    @Option(names = "--pcap-modules", paramLabel = "N|IMEI[,IMEI...]",
            description = "Which modules --pcap writes: a number N for the first N China Telecom and the first N China"
                    + " Mobile modules, or a list of IMEIs (default: every module).")
    String pcapModules;

    @Override
    public Integer call() {
        FleetPlan plan;
        Predicate<String> captured;
        try {
            plan = new FleetPlan(chinaTelecom, chinaMobile, days, Duration.ofSeconds(updatePeriod));
            captured = captured(plan);
            pcap.requireWritable();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PlatformSettings settings = new PlatformSettings("127.0.0.1", 0, 0, 0, webPort,
                Optional.of(db != null ? db : "jdbc:h2:mem:fleet-" + UUID.randomUUID()), Path.of("selfreg-data"),
                List.of(), false, Optional.empty(), product.declared());
        if (!verbose) {
            // each of hundreds of modules and the platform log every step at INFO; the bar and the table are the news
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        PrintStream out = System.out;
        out.printf("fleet: %d China Telecom and %d China Mobile modules, %d day%s of module time%n", chinaTelecom,
                chinaMobile, days, days == 1 ? "" : "s");
        List<WireRecorder> opened = new ArrayList<>();
        FleetReport report;
        try {
            report = Fleet.run(settings, plan, new ProgressBar(System.err, System.console() != null, out), clock -> {
                WireRecorder recorder = pcap.open(clock);
                opened.add(recorder);
                return recorder;
            }, captured);
        } finally {
            opened.forEach(recorder -> pcap.report(recorder, System.err));
        }
        out.println();
        out.print(report.table());
        return report.passed() ? 0 : 1;
    }

    /** The modules {@code --pcap-modules} chooses, by IMEI; every module without it. */
    private Predicate<String> captured(FleetPlan plan) {
        if (pcapModules == null) {
            return imei -> true;
        }
        if (pcap.file == null) {
            throw new IllegalArgumentException("--pcap-modules chooses what --pcap writes: give --pcap FILE too");
        }
        Set<String> chosen = new HashSet<>();
        String value = pcapModules.strip();
        if (value.matches("\\d{1,4}")) {
            int each = Integer.parseInt(value);
            for (int i = 0; i < Math.min(each, plan.chinaTelecom()); i++) {
                chosen.add(Fleet.imei(i));
            }
            for (int i = 0; i < Math.min(each, plan.chinaMobile()); i++) {
                chosen.add(Fleet.imei(plan.chinaTelecom() + i));
            }
            return chosen::contains;
        }
        Set<String> fleet = new HashSet<>();
        for (int n = 0; n < plan.chinaTelecom() + plan.chinaMobile(); n++) {
            fleet.add(Fleet.imei(n));
        }
        List<String> unknown = new ArrayList<>();
        for (String imei : value.split(",")) {
            String wanted = imei.strip();
            if (fleet.contains(wanted)) {
                chosen.add(wanted);
            } else {
                unknown.add(wanted);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("--pcap-modules: no module of this fleet has IMEI " + String.join(", ",
                    unknown) + " (the fleet's are " + Fleet.imei(0) + " to "
                    + Fleet.imei(plan.chinaTelecom() + plan.chinaMobile() - 1) + ", China Telecom first)");
        }
        return chosen::contains;
    }

    /** The progress bar: redrawn in place on a terminal, a line every tenth otherwise (a log, CI). */
    private static final class ProgressBar implements Fleet.Progress {
        private final PrintStream bar;
        private final boolean inPlace;
        private final PrintStream out;
        private int lastTenth = -1;

        ProgressBar(PrintStream bar, boolean inPlace, PrintStream out) {
            this.bar = bar;
            this.inPlace = inPlace;
            this.out = out;
        }

        @Override
        public void started(List<String> listening) {
            listening.forEach(out::println);
            out.flush();
        }

        @Override
        public void advanced(Duration done, Duration total) {
            double share = (double) done.toSeconds() / total.toSeconds();
            int tenth = (int) (share * 10);
            if (!inPlace && tenth == lastTenth) {
                return;
            }
            lastTenth = tenth;
            int filled = (int) Math.round(share * BAR);
            String line = String.format("[%s%s] %3d%%  module time %dd %02dh", "#".repeat(filled),
                    "-".repeat(BAR - filled), Math.round(share * 100), done.toDays(), done.toHoursPart());
            if (inPlace) {
                bar.print("\r" + line + (done.equals(total) ? "\n" : ""));
            } else {
                bar.println(line);
            }
            bar.flush();
        }
    }
}
