package dev.selfreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./selfreg} launcher in a tree of its own, with a stand-in for the project's Maven
 * ({@code build/mvn}) that records each build and puts the real jar in place: when the launcher builds, and that
 * launches started at once build once; and, with the project's real Maven, that a captured build output is plain
 * text.
 */
class LauncherIT {

    private static final Path LAUNCHER = Path.of("..", "selfreg").toAbsolutePath().normalize();
    private static final Path REAL_JAR = Path.of(System.getProperty("selfreg.jar"));
    private static final Path PROJECT_MAVEN = Path.of("..", "build", "mvn").toAbsolutePath().normalize();

    @TempDir
    Path root;
    private Path builds;
    private Path jar;

    @BeforeEach
    void aProjectTreeWithAStandInMaven() throws IOException {
        Files.copy(LAUNCHER, root.resolve("selfreg"));
        writeSource("cli/src/main/java/dev/selfreg/cli/Selfreg.java");
        writeSource("module/src/main/resources/logback.xml");
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        builds = root.resolve("builds.log");
        jar = root.resolve("cli/target/selfreg.jar");
        Path build = Files.createDirectories(root.resolve("build"));
        // slow enough that a second launch started meanwhile finds the first one building
        Files.writeString(build.resolve("mvn"), """
                #!/usr/bin/env bash
                echo "$*" >> "%s"
                sleep 2
                mkdir -p "%s"
                cp "%s" "%s"
                """.formatted(builds, jar.getParent(), REAL_JAR, jar));
        Files.setPosixFilePermissions(build.resolve("mvn"), PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void twoLaunchesStartedAtOnceBuildOnceAndBothRun() throws Exception {
        Process first = launch();
        Process second = launch();

        assertThat(exitOf(first)).isZero();
        assertThat(exitOf(second)).isZero();
        assertThat(Files.readAllLines(builds)).hasSize(1);
    }

    @Test
    void aCurrentJarIsRunWithoutBuilding() throws Exception {
        placeJarOlderThanNothing();

        assertThat(exitOf(launch())).isZero();
        assertThat(builds).doesNotExist();
    }

    @Test
    void filesUnderTargetAndInTheBenchmarksDoNotCountAsSources() throws Exception {
        placeJarOlderThanNothing();
        writeSource("bench/target/generated-sources/annotations/Generated.java");
        writeSource("cli/target/generated-test-sources/Generated.java");
        writeSource("bench/src/main/java/dev/selfreg/bench/Benchmark.java");
        writeSource("bench/pom.xml");

        assertThat(exitOf(launch())).isZero();
        assertThat(builds).doesNotExist();
    }

    @Test
    void aMainSourceNewerThanTheJarRebuilds() throws Exception {
        placeJarOlderThanNothing();
        writeSource("module/src/main/java/dev/selfreg/module/Bc260yModule.java");

        assertThat(exitOf(launch())).isZero();
        assertThat(Files.readAllLines(builds)).hasSize(1);
    }

    @Test
    void aPomNewerThanTheJarRebuilds() throws Exception {
        placeJarOlderThanNothing();
        writeSource("platform/pom.xml");

        assertThat(exitOf(launch())).isZero();
        assertThat(Files.readAllLines(builds)).hasSize(1);
    }

    @Test
    void theBuildsOutputCarriesNoColourCodesWhenCaptured() throws Exception {
        Files.copy(PROJECT_MAVEN, root.resolve("build/mvn"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        // a configuration that asks Maven for colours, as CI set-ups do
        Files.writeString(Files.createDirectories(root.resolve(".mvn")).resolve("maven.config"), "-Dstyle.color=always\n");
        Path err = root.resolve("launch-err.txt");
        // the tree's pom.xml is no buildable project: the build ends in Maven's error lines
        Process launch = new ProcessBuilder("bash", root.resolve("selfreg").toString(), "--version")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();

        assertThat(exitOf(launch)).isNotZero();
        assertThat(Files.readString(err)).contains("[ERROR]").doesNotContain("\u001B[");
    }

    @Test
    void theJavaOptionsInSelfregJavaOptsGoToTheJvm() throws Exception {
        placeJarOlderThanNothing();
        Path out = root.resolve("launch.out");
        ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("selfreg").toString(), "--version")
                .redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().put("SELFREG_JAVA_OPTS", "-Dselfreg.probe=heap -XshowSettings:properties");

        assertThat(exitOf(builder.start())).isZero();
        assertThat(Files.readString(out)).contains("selfreg.probe = heap");
    }

    /** A current jar: the tree's files are made older than it, so only files written afterwards are newer. */
    private void placeJarOlderThanNothing() throws IOException {
        Files.createDirectories(jar.getParent());
        Files.copy(REAL_JAR, jar, StandardCopyOption.REPLACE_EXISTING);
        FileTime past = FileTime.from(Instant.now().minusSeconds(3600));
        try (var files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, past);
            }
        }
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
    }

    private void writeSource(String relative) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "// " + relative + "\n", StandardCharsets.UTF_8);
    }

    private Process launch() throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("selfreg").toString(), "--version"));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static int exitOf(Process process) throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the launcher did not end");
        }
        return process.exitValue();
    }
}
