package dev.selfreg.lab.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.platform.PlatformSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code demo --once}, run twice in this JVM: its story, told on the virtual clock. */
class DemoTest {

    private static List<String> first;
    private static List<String> second;

    @BeforeAll
    static void runTwice() {
        first = once();
        second = once();
    }

    /** The output without the listening and dashboard lines, whose ports are free ones. */
    private static List<String> once() {
        PlatformSettings settings = new PlatformSettings("127.0.0.1", 0, 0, 0, 0,
                Optional.of("jdbc:h2:mem:demo-" + UUID.randomUUID()), Path.of("unused"), List.of(), false,
                Optional.empty());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean passed = Demo.once(settings, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> !line.startsWith("listening ") && !line.startsWith("dashboard ")).toList();
        assertThat(passed).as(String.join("\n", lines)).isTrue();
        return lines;
    }

    @Test
    void theNarrationIsTheSameEveryRunTimesIncluded() {
        assertThat(second).containsExactlyElementsOf(first);
    }

    @Test
    void everyObject666ReadIsToldAtTheInstantOfTheRegisterOrUpdateItFollows() {
        List<String> platform = first.stream().filter(line -> line.matches("t\\+\\S+ \\S+ +platform .*")).toList();
        for (int i = 0; i < platform.size(); i++) {
            if (platform.get(i).contains("object 666 read")) {
                String before = platform.get(i - 1);
                assertThat(before).matches(".*CMDMP (register|update) from IMEI 869999000000002: ok");
                assertThat(platform.get(i).substring(0, 12)).isEqualTo(before.substring(0, 12));
            }
        }
        assertThat(platform).filteredOn(line -> line.contains("object 666 read")).hasSize(5);
    }

    @Test
    void nothingReachesThePlatformWhileEveryCmdmpRequestIsDroppedButTheLifetimeRunsOut() {
        List<String> faulty = first.subList(indexOf("injecting a fault"), indexOf("clearing the fault"));

        assertThat(faulty).noneMatch(line -> line.contains("object 666 read"))
                .noneMatch(line -> line.contains("CMDMP update"));
        assertThat(faulty).anyMatch(line -> line.matches(
                "t\\+4d 00:00:48 platform  CMDMP registration expired from IMEI 869999000000002: failed "
                        + "\\(no Update within the lifetime of 86446 s\\)"));
    }

    @Test
    void theSummaryShowsTheCommandsAnswerWithoutTheWakeUpLine() {
        assertThat(first).anyMatch(line -> line.matches("yes +China Mobile device registered .* +\\+QDMPCFG: 6,6 / OK"));
        assertThat(first).noneMatch(line -> line.contains("+QATWAKEUP"));
    }

    private static int indexOf(String note) {
        for (int i = 0; i < first.size(); i++) {
            if (first.get(i).endsWith("lab       " + note) || first.get(i).contains(" lab       " + note)) {
                return i;
            }
        }
        throw new AssertionError("no note " + note + " in\n" + String.join("\n", first));
    }
}
