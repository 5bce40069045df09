package dev.selfreg.cli;

import dev.selfreg.capture.record.WireRecorder;
import dev.selfreg.lab.LabApplication;
import dev.selfreg.lab.RemotePlatform;
import dev.selfreg.lab.fleet.Fleet;
import dev.selfreg.lab.fleet.FleetCharts;
import dev.selfreg.lab.fleet.FleetPlan;
import dev.selfreg.lab.fleet.FleetReport;
import dev.selfreg.lab.fleet.FleetStorms;
import dev.selfreg.lab.fleet.Shard;
import dev.selfreg.lab.scenario.Durations;
import dev.selfreg.lab.scenario.ScenarioException;
import dev.selfreg.platform.PlatformSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
                "Storms: a FOTA wave (--fota --at), packet loss and duplication (--loss, --duplicate), a platform"
                        + " outage (--outage), all seeded (--seed).",
                "Shows a progress bar on stderr, then what happened to the modules, a table of what the modules and"
                        + " the platform saw, and the battery the modules spent awake."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {"0:every expected outcome happened", "1:an expected outcome did not happen",
                ExitCodes.LINE_USAGE, ExitCodes.LINE_UNAVAILABLE + " Or the --json or --charts files could not be written.",
                ExitCodes.LINE_INTERNAL})
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

    @Option(names = "--fota", paramLabel = "VERSION",
            description = "A FOTA wave: at --at, the modules get firmware VERSION (e.g. BC260YCNAAR01A04) and boot it;"
                    + " they start on " + FleetStorms.FOTA_FROM + " unless --firmware says otherwise.")
    String fota;

    @Option(names = "--at", paramLabel = "DURATION", description = "When the FOTA wave comes, in module time (e.g. 2d, 36h).")
    String fotaAt;

    @Option(names = "--fota-fraction", paramLabel = "F",
            description = "The share of the modules the FOTA wave upgrades, in (0, 1] (default: all), drawn from --seed.")
    Double fotaFraction;

    @Option(names = "--firmware", paramLabel = "VERSION", description = "The firmware the modules start on.")
    String firmware;

    @Option(names = "--loss", defaultValue = "0", paramLabel = "P",
            description = "The chance that each datagram a module sends the platform is lost (default ${DEFAULT-VALUE}).")
    double loss;

    @Option(names = "--duplicate", defaultValue = "0", paramLabel = "P",
            description = "The chance that each datagram a module sends the platform arrives twice (default ${DEFAULT-VALUE}).")
    double duplicate;

    @Option(names = "--outage", paramLabel = "FROM-TO",
            description = "A window of module time in which the platform does not answer, e.g. 2d-2d2h.")
    String outage;

    @Option(names = "--ct-no-sleep",
            description = "China Telecom modules run with AT+QSCLK=0: the one setting under which a failed"
                    + " registration is retried, 3 attempts 1 h apart (seed 2.1.3, 2.1.4); they never deep sleep.")
    boolean ctNoSleep;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "Seeds which modules the FOTA takes and which datagrams are lost or doubled (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Also write the whole report (explanations, outcomes, battery) as JSON to FILE.")
    Path json;

    @Option(names = "--charts", paramLabel = "DIR",
            description = "Also draw the registrations per hour and the awake time per module as PNG files in DIR.")
    Path charts;

    @Option(names = "--platform", paramLabel = "URL",
            description = "Run the modules against a platform already running (`selfreg platform --dm-app "
                    + LabApplication.APP_KEY + "=...`), given by its web address on loopback, e.g."
                    + " http://127.0.0.1:8080, instead of one of this process's own; the table reconciles with"
                    + " what its REST API shows of these modules.")
    String platform;

    @Option(names = "--platform-token", paramLabel = "TOKEN",
            description = "The bearer token of the --platform's REST API, when it requires one.")
    String platformToken;

    @Option(names = "--shard", paramLabel = "i/n", defaultValue = "1/1",
            description = "Run share i of n of the fleet's modules (module k when k mod n = i-1), so that several"
                    + " fleet processes run one deployment (default: ${DEFAULT-VALUE}, all of them).")
    String shard;

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
        FleetStorms storms;
        Shard share;
        Predicate<String> captured;
        Optional<RemotePlatform> remote;
        try {
            plan = new FleetPlan(chinaTelecom, chinaMobile, days, Duration.ofSeconds(updatePeriod));
            storms = storms();
            storms.requireWithin(plan.span());
            share = Shard.parse(shard);
            captured = captured(plan);
            remote = remote();
            pcap.requireWritable();
            requireWritableReports();
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
        out.printf("fleet: %d China Telecom and %d China Mobile modules, %d day%s of module time%s%n", chinaTelecom,
                chinaMobile, days, days == 1 ? "" : "s", share.equals(Shard.ALL) ? "" : "; this is share " + share
                        + ": " + share.of(0, chinaTelecom) + " China Telecom and "
                        + share.of(chinaTelecom, chinaMobile) + " China Mobile modules");
        if (!storms.describe().isEmpty()) {
            out.println("storms: " + storms.describe());
        }
        ProgressBar progress = new ProgressBar(System.err, System.console() != null, out);
        FleetReport report;
        try {
            if (remote.isPresent()) {
                out.println("platform " + remote.get());
                report = runAgainst(remote.get(), plan, storms, share, progress);
            } else {
                report = runWithOwnPlatform(settings, plan, storms, share, progress, captured);
            }
        } catch (Fleet.DescriptorsExhausted e) {
            System.err.println();
            System.err.println("selfreg fleet: " + e.getMessage());
            return ExitCodes.UNAVAILABLE;
        }
        out.println();
        out.print(report.table());
        out.println();
        out.print(report.batterySummary());
        try {
            if (json != null) {
                report.writeJson(json, planView(plan, storms));
                out.println("report written to " + json);
            }
            if (charts != null) {
                FleetCharts.write(report, charts).forEach(chart -> out.println("chart written to " + chart));
            }
        } catch (IOException e) {
            System.err.println("selfreg fleet: cannot write the report: " + e.getMessage());
            return ExitCodes.UNAVAILABLE;
        }
        return report.passed() ? 0 : 1;
    }

    /**
     * The storms the options ask for.
     *
     * @throws IllegalArgumentException when an option is out of its range or lacks its companion
     */
    FleetStorms storms() {
        if (fota == null && (fotaAt != null || fotaFraction != null)) {
            throw new IllegalArgumentException("--at and --fota-fraction go with --fota VERSION");
        }
        if (fota != null && fotaAt == null) {
            throw new IllegalArgumentException("--fota needs --at DURATION: when the wave comes, in module time");
        }
        Optional<FleetStorms.Fota> wave = Optional.empty();
        if (fota != null) {
            Duration at;
            try {
                at = Durations.parse(fotaAt);
            } catch (ScenarioException e) {
                throw new IllegalArgumentException("--at: " + e.getMessage());
            }
            wave = Optional.of(new FleetStorms.Fota(fota, at, fotaFraction == null ? 1 : fotaFraction));
        }
        Optional<String> start = firmware != null ? Optional.of(firmware)
                : wave.isPresent() ? Optional.of(FleetStorms.FOTA_FROM) : Optional.empty();
        return new FleetStorms(wave, loss, duplicate, Optional.ofNullable(outage).map(FleetStorms.Outage::parse),
                ctNoSleep, start, seed);
    }

    /** A --json file or --charts directory that cannot be written is told before the run, not after it. */
    private void requireWritableReports() {
        try {
            if (json != null) {
                Files.writeString(json, "");
            }
            if (charts != null) {
                Files.createDirectories(charts);
                if (!Files.isWritable(charts)) {
                    throw new IOException(charts + " is not writable");
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write the report: " + e.getMessage());
        }
    }

    private Map<String, Object> planView(FleetPlan plan, FleetStorms storms) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("chinaTelecom", plan.chinaTelecom());
        view.put("chinaMobile", plan.chinaMobile());
        view.put("days", plan.days());
        view.put("dmPeriodSeconds", plan.updatePeriod().toSeconds());
        storms.fota().ifPresent(wave -> view.put("fota", Map.of("version", wave.version(), "at",
                Durations.format(wave.at()), "fraction", wave.fraction())));
        view.put("loss", storms.loss());
        view.put("duplicate", storms.duplicate());
        storms.outage().ifPresent(window -> view.put("outage", Durations.format(window.from()) + "-"
                + Durations.format(window.to())));
        view.put("ctNoSleep", storms.ctSleepOff());
        storms.firmware().ifPresent(version -> view.put("firmware", version));
        view.put("seed", storms.seed());
        return view;
    }

    /** Runs the fleet against a platform of this process, its traffic written where {@code --pcap} says. */
    private FleetReport runWithOwnPlatform(PlatformSettings settings, FleetPlan plan, FleetStorms storms, Shard share,
            Fleet.Progress progress, Predicate<String> captured) {
        List<WireRecorder> opened = new ArrayList<>();
        try {
            return Fleet.run(settings, plan, storms, share, progress, clock -> {
                WireRecorder recorder = pcap.open(clock);
                opened.add(recorder);
                return recorder;
            }, captured);
        } finally {
            opened.forEach(recorder -> pcap.report(recorder, System.err));
        }
    }

    /** The {@code --platform} to run against, if given; the options that set up a platform of its own refused. */
    private Optional<RemotePlatform> remote() {
        if (platform == null) {
            if (platformToken != null) {
                throw new IllegalArgumentException("--platform-token is the token of a --platform: give --platform URL too");
            }
            return Optional.empty();
        }
        List<String> own = new ArrayList<>();
        if (db != null) {
            own.add("--db");
        }
        if (webPort != 0) {
            own.add("--web-port");
        }
        if (product.product != null) {
            own.add("--product");
        }
        if (pcap.file != null) {
            own.add("--pcap");
        }
        if (!own.isEmpty()) {
            throw new IllegalArgumentException(String.join(", ", own) + " set up this process's own platform; with"
                    + " --platform give them to that `selfreg platform` instead");
        }
        return Optional.of(RemotePlatform.at(platform, Optional.ofNullable(platformToken)));
    }

    private static FleetReport runAgainst(RemotePlatform remote, FleetPlan plan, FleetStorms storms, Shard share,
            Fleet.Progress progress) {
        try {
            return Fleet.run(remote, plan, storms, share, progress);
        } catch (RemotePlatform.Unanswered e) {
            throw new CannotStartException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CannotStartException("interrupted while the platform at " + remote + " settled", e);
        }
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
