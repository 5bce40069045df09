package dev.selfreg.cli;

import dev.selfreg.capture.CaptureCheck;
import dev.selfreg.checks.Checklist;
import dev.selfreg.checks.Verdict;
import dev.selfreg.checks.report.HtmlReport;
import dev.selfreg.checks.report.JunitReport;
import dev.selfreg.platform.dm.DmApplications;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code selfreg check FILE}: the certification checklist of every device in a capture (pcap or pcapng, from
 * selfreg's {@code --pcap}, tcpdump, dumpcap, Wireshark), judged by the same rules as the lab platform's.
 */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Judge every device in a capture file (pcap or pcapng) by the carriers' certification rules: the"
                + " ZZHC reports and CMDMP exchanges in it are found by content, decoded and checked as the lab platform"
                + " checks them.",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {"0:no device fails a rule (warnings and \"not observed\" do not fail)",
                "1:a device fails a rule", ExitCodes.LINE_USAGE,
                "65:the capture is damaged (cut short, corrupt, an unknown link type): the verdicts printed are of what"
                        + " was read before the offset named",
                ExitCodes.LINE_INTERNAL})
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The capture: pcap or pcapng.")
    Path file;

    @Option(names = "--dm-app", paramLabel = "APPKEY=PASSWORD",
            description = "A CMDMP application whose endpoints and object 666 values can be decrypted (repeatable).")
    List<String> dmApps = new ArrayList<>();

    @Mixin
    ProductOption product;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write JUnit XML: one test case per rule per device.")
    Path junit;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write one self-contained HTML page, readable printed.")
    Path html;

    @Override
    public Integer call() {
        DmApplications applications;
        try {
            applications = DmApplications.parse(dmApps);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        CaptureCheck.Judged findings;
        try (InputStream in = Files.newInputStream(file)) {
            findings = CaptureCheck.judge(in, applications::cipher, product.declared());
        } catch (NoSuchFileException e) {
            throw new ParameterException(spec.commandLine(), "no capture file " + file);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot read " + file + ": " + e.getMessage());
        }
        List<Checklist> checklists = findings.checklists();
        PrintStream out = System.out;
        out.printf("%s: %d packet(s), %d exchange(s)%s%n", file, findings.frames(), findings.exchanges(),
                findings.retransmissions() == 0 ? ""
                        : " (" + findings.retransmissions() + " CoAP retransmission(s) counted once)");
        ChecksCommand.print(checklists, out);
        String title = "capture " + file.getFileName();
        write(junit, () -> JunitReport.write(title, checklists));
        write(html, () -> HtmlReport.write(title, Instant.now(), checklists));
        if (findings.damage().isPresent()) {
            System.err.println("selfreg check: " + file + ": " + findings.damage().get().getMessage()
                    + "; judged the " + findings.frames() + " packet(s) before it");
            return ExitCodes.DATA;
        }
        return checklists.stream().anyMatch(c -> c.count(Verdict.FAIL) > 0) ? ExitCodes.OUTCOME_NOT_MET : ExitCodes.OK;
    }

    private void write(Path target, Supplier<String> content) {
        if (target == null) {
            return;
        }
        try {
            Files.writeString(target, content.get());
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot write " + target + ": " + e.getMessage());
        }
    }
}
