package dev.selfreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.cli.ShellSession.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the README tour reads the shell sessions of a Markdown document. */
class ShellSessionTest {

    @Test
    void aSessionIsItsCommandsWithWhatEachPrintsAndHowItRuns(@TempDir Path dir) throws IOException {
        Path document = Files.writeString(dir.resolve("doc.md"), """
                Start it:

                <!-- tour: background -->
                ```console
                $ ./selfreg platform --web-port 8080 \\
                    --dm-port 5685
                listening web 127.0.0.1:8080
                ```

                ```console
                $ ./selfreg at --port tcp://127.0.0.1:7000 AT
                OK
                $ echo $?
                0
                ```

                <!-- tour: not run: needs a real module -->
                ```console
                $ ./selfreg status --port /dev/ttyUSB0
                ```

                ```sh
                ./verify
                ```
                """);

        ShellSession session = ShellSession.of(document);

        assertThat(session.steps()).containsExactly(
                new Step("./selfreg platform --web-port 8080 \\\n    --dm-port 5685", List.of("listening web 127.0.0.1:8080"), true, 5),
                new Step("./selfreg at --port tcp://127.0.0.1:7000 AT", List.of("OK"), false, 11),
                new Step("echo $?", List.of("0"), false, 13));
        assertThat(session.notRun()).containsExactly("line 18: needs a real module");
        assertThat(ShellSession.sessionFences(document)).containsExactly("line 4: ```console", "line 10: ```console",
                "line 18: ```console");
    }
}
