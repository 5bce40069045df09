package dev.selfreg.lab.scenario;

import dev.selfreg.capture.record.WireRecorder;
import dev.selfreg.lab.Lab;
import dev.selfreg.platform.PlatformSettings;
import dev.selfreg.time.VirtualClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Runs a scenario on the virtual clock against an embedded lab platform (an in-memory store of
 * its own), step by step; the first failing step ends the run and the rest are skipped.
 */
public final class ScenarioRunner {

    private ScenarioRunner() {
    }

    public static ScenarioReport run(Scenario scenario, String source) {
        return run(scenario, source, clock -> WireRecorder.none());
    }

    /** The same, the platform's traffic written to the recorder {@code wire} makes on the lab's clock. */
    public static ScenarioReport run(Scenario scenario, String source, Function<Clock, WireRecorder> wire) {
        long start = System.nanoTime();
        PlatformSettings settings = new PlatformSettings("127.0.0.1", 0, 0, 0, 0,
                Optional.of("jdbc:h2:mem:scenario-" + UUID.randomUUID()), Path.of("selfreg-data"), scenario.dmApps(),
                false, Optional.empty(), scenario.product());
        List<ScenarioReport.StepResult> results = new ArrayList<>();
        Duration moduleTime;
        try (Lab lab = Lab.start(settings.withFreePorts(), new VirtualClock(), wire)) {
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
