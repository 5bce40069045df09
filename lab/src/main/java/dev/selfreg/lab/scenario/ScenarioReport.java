package dev.selfreg.lab.scenario;

import java.time.Duration;
import java.util.List;

/** How a scenario went, step by step; readable as text and as JUnit XML for CI. */
public record ScenarioReport(String name, String source, List<StepResult> steps, Duration moduleTime, Duration wallTime) {

    /** What happened to one step. */
    public enum Status { PASSED, FAILED, SKIPPED }

    /** One step's outcome; {@code message} says what was found when it failed. */
    public record StepResult(int number, String description, Status status, String message) {
    }

    public ScenarioReport {
        steps = List.copyOf(steps);
    }

    public boolean passed() {
        return steps.stream().allMatch(step -> step.status() == Status.PASSED);
    }

    /** The report for a person: one line per step, then the verdict. */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append("scenario ").append(name).append(" (").append(source).append(")\n");
        for (StepResult step : steps) {
            String mark = switch (step.status()) {
                case PASSED -> "  ok  ";
                case FAILED -> "  FAIL";
                case SKIPPED -> "  skip";
            };
            out.append(mark).append(String.format(" %2d ", step.number())).append(step.description()).append('\n');
            if (step.status() == Status.FAILED) {
                out.append("         ").append(step.message()).append('\n');
            }
        }
        long failed = steps.stream().filter(step -> step.status() == Status.FAILED).count();
        long skipped = steps.stream().filter(step -> step.status() == Status.SKIPPED).count();
        out.append(passed() ? "PASSED" : "FAILED").append(": ").append(steps.size() - failed - skipped).append(" of ")
                .append(steps.size()).append(" steps passed")
                .append(passed() ? "" : ", " + failed + " failed" + (skipped > 0 ? ", " + skipped + " skipped" : ""))
                .append(", ").append(Durations.format(moduleTime)).append(" of module time in ")
                .append(wallTime.toMillis()).append(" ms\n");
        return out.toString();
    }

    /** JUnit XML: one test suite per scenario, one test case per step. */
    public String junitXml() {
        long failures = steps.stream().filter(step -> step.status() == Status.FAILED).count();
        long skipped = steps.stream().filter(step -> step.status() == Status.SKIPPED).count();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuite name=\"").append(escape(name)).append("\" tests=\"").append(steps.size())
                .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"").append(skipped)
                .append("\" time=\"").append(wallTime.toMillis() / 1000.0).append("\">\n");
        for (StepResult step : steps) {
            xml.append("  <testcase classname=\"").append(escape(source)).append("\" name=\"")
                    .append(escape(step.number() + " " + step.description())).append('"');
            switch (step.status()) {
                case PASSED -> xml.append("/>\n");
                case SKIPPED -> xml.append("><skipped/></testcase>\n");
                case FAILED -> xml.append("><failure message=\"").append(escape(step.message())).append("\"/></testcase>\n");
            }
        }
        return xml.append("</testsuite>\n").toString();
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c < 0x20 && c != '\t' && c != '\n' ? ' ' : c);
            }
        }
        return out.toString();
    }
}
