package dev.selfreg.lab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every scenario shipped in {@code examples/} passes: the seed's chapter 2 flows, end to end. */
class ExampleScenariosTest {

    /** The scenario files; product.yaml, the documented product declaration they refer to, is none. */
    static Stream<Path> examples() throws IOException {
        return Files.list(Path.of("..", "examples"))
                .filter(p -> p.toString().endsWith(".yaml") && !p.getFileName().toString().equals("product.yaml"))
                .sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleScenarioPasses(Path file) throws IOException {
        ScenarioReport report = ScenarioRunner.run(ScenarioParser.parse(Files.readString(file), file.toString()),
                file.getFileName().toString());
        assertThat(report.passed()).as(report.text()).isTrue();
    }
}
