package dev.selfreg.cli;

import dev.selfreg.capture.record.WireRecorder;
import dev.selfreg.lab.scenario.Scenario;
import dev.selfreg.lab.scenario.ScenarioException;
import dev.selfreg.lab.scenario.ScenarioParser;
import dev.selfreg.lab.scenario.ScenarioReport;
import dev.selfreg.lab.scenario.ScenarioRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code selfreg scenario FILE...}: runs scenario files on the virtual clock against an
 * embedded lab platform and reports each step.
 */
@Command(name = "scenario", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run scenario files (YAML) on the virtual clock against an embedded lab platform.",
                "See examples/ for one scenario per self-registration flow of chapter 2 of Quectel's self-registration manual."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {"0:every scenario passed", "1:a step failed",
                "64:a scenario file cannot be read or run as written (one line names the file and step), or a wrong option",
                ExitCodes.LINE_INTERNAL})
final class ScenarioCommand implements Callable<Integer> {

    static final int STEP_FAILED = ExitCodes.OUTCOME_NOT_MET;
    static final int BAD_FILE = ExitCodes.USAGE;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Scenario files.")
    List<Path> files;

    @Option(names = "--junit", paramLabel = "FILE",
            description = "Also write a JUnit XML report (one file per scenario: FILE, or FILE-<n>.xml for several).")
    Path junit;

    @Mixin
    ProductOption product;

    @Mixin
    PcapOption pcap;

    @Override
    public Integer call() {
        boolean allPassed = true;
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            ScenarioReport report;
            try {
                Scenario scenario = ScenarioParser.parse(Files.readString(file), file.toString());
                if (product.product != null) {
                    scenario = scenario.withProduct(product.product);
                }
                Path capture = pcap.file == null ? null
                        : files.size() == 1 ? pcap.file : Path.of(pcap.file + "-" + (i + 1) + ".pcapng");
                List<WireRecorder> opened = new ArrayList<>();
                report = ScenarioRunner.run(scenario, file.toString(), clock -> {
                    WireRecorder wire = capture == null ? WireRecorder.none() : pcap.open(capture, clock);
                    opened.add(wire);
                    return wire;
                });
                opened.forEach(wire -> pcap.report(wire, capture, System.err));
            } catch (NoSuchFileException e) {
                System.err.println("selfreg scenario: no such file: " + file);
                return BAD_FILE;
            } catch (IOException e) {
                System.err.println("selfreg scenario: cannot read " + file + " (" + e + ")");
                return BAD_FILE;
            } catch (ScenarioException | IllegalArgumentException e) {
                System.err.println("selfreg scenario: " + e.getMessage());
                return BAD_FILE;
            }
            System.out.print(report.text());
            allPassed &= report.passed();
            if (junit != null) {
                Path target = files.size() == 1 ? junit : Path.of(junit + "-" + (i + 1) + ".xml");
                try {
                    Files.writeString(target, report.junitXml());
                } catch (IOException e) {
                    System.err.println("selfreg scenario: cannot write " + target + ": " + e.getMessage());
                    return BAD_FILE;
                }
            }
        }
        return allPassed ? 0 : STEP_FAILED;
    }
}
