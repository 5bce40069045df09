package dev.selfreg.lab.scenario;

import dev.selfreg.lab.Lab;
import dev.selfreg.platform.PlatformSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs a scenario on the virtual clock against an embedded lab platform (an in-memory store of
 * its own), step by step; the first failing step ends the run and the rest are skipped.
 */
public final class ScenarioRunner {

    private ScenarioRunner() {
    }

    public static ScenarioReport run(Scenario scenario, String source) {
        long start = System.nanoTime();
        PlatformSettings settings = new PlatformSettings("127.0.0.1", 0, 0, 0, 0,
                Optional.of("jdbc:h2:mem:scenario-" + UUID.randomUUID()), Path.of("selfreg-data"), scenario.dmApps(),
                false, Optional.empty(), scenario.product());
        List<ScenarioReport.StepResult> results = new ArrayList<>();
        Duration moduleTime;
        try (Lab lab = Lab.start(settings)) {
            scenario.units().forEach(lab::add);
            boolean failed = false;
            int number = 0;
            for (Step step : scenario.steps()) {
                number++;
                if (failed) {
                    results.add(new ScenarioReport.StepResult(number, step.describe(), ScenarioReport.Status.SKIPPED, ""));
                    continue;
                }
                try {
                    step.run(lab);
                    results.add(new ScenarioReport.StepResult(number, step.describe(), ScenarioReport.Status.PASSED, ""));
                } catch (AssertionError | ScenarioException e) {
                    failed = true;
                    results.add(new ScenarioReport.StepResult(number, step.describe(), ScenarioReport.Status.FAILED, e.getMessage()));
                }
            }
            moduleTime = lab.clock().elapsed();
        }
        return new ScenarioReport(scenario.name(), source, results, moduleTime, Duration.ofNanos(System.nanoTime() - start));
    }
}
