package dev.selfreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README names every Debian package that {@code ./verify} installs, so a reader knows what the test command adds. */
class VerifyPackagesTest {

    private static final Pattern PACKAGES = Pattern.compile("(?m)^packages=\\(([^)]*)\\)");

    @Test
    void theReadmeNamesEveryPackageTheTestCommandInstalls() throws IOException {
        Matcher declared = PACKAGES.matcher(Files.readString(Path.of("..", "verify")));
        assertThat(declared.find()).as("./verify declares packages=(...)").isTrue();
        List<String> packages = Arrays.stream(declared.group(1).trim().split("\\s+")).toList();
        String readme = Files.readString(Path.of("..", "README.md"));

        assertThat(packages).isNotEmpty().allSatisfy(name -> assertThat(readme).contains("`" + name + "`"));
    }
}
