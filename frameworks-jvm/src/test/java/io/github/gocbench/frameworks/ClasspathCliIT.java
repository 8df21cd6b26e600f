package io.github.gocbench.frameworks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's command, end to end: {@code goc race --strategy-class ... --classpath
 * target/goc-frameworks-jvm.jar:target/lib/...} in a child JVM whose own classpath has goc but
 * neither this module nor Hibernate, jOOQ or any library they bring, so the strategy and its
 * framework can only come from {@code --classpath}.
 */
class ClasspathCliIT {

    private static final Path TARGET = Path.of("target");

    @Test
    void gocRunsAJooqStrategyFromTheModuleJarAndItsLibraries(@TempDir Path dir) throws Exception {
        Path jar = TARGET.resolve("goc-frameworks-jvm.jar");
        Path lib = TARGET.resolve("lib");
        assertThat(jar).as("mvn package builds it before the ITs").exists();
        List<Path> libs;
        try (Stream<Path> s = Files.list(lib)) {
            libs = s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        assertThat(libs.stream().map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("jooq-"))
                .anyMatch(n -> n.startsWith("hibernate-core-"));
        // goc as ./goc runs it: the command line jar that core's package phase builds. Filtering this
        // JVM's classpath instead would also drop the libraries goc shares with the frameworks
        // (Spring Data brings slf4j-api, a jar of the same name as goc's own).
        Path cli = Path.of("..", "core", "target", "goc-cli.jar");
        assertThat(cli).as("core's package phase builds goc-cli.jar before this module's ITs").exists();
        try (JarFile j = new JarFile(cli.toFile())) {
            assertThat(j.stream().map(JarEntry::getName)).as("goc's own classpath")
                    .noneMatch(n -> n.startsWith("org/jooq/") || n.startsWith("org/hibernate/")
                            || n.startsWith("org/springframework/") || n.startsWith("io/github/gocbench/frameworks/"));
        }
        String gocOnly = cli.toString();
        String userPath = Stream.concat(Stream.of(jar), libs.stream()).map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator));

        Path json = dir.resolve("race.json");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", gocOnly, "io.github.gocbench.cli.Goc", "race", "--db", "postgres",
                "--strategy-class", "io.github.gocbench.frameworks.jooq.JooqInsertIgnoreSelect",
                "--classpath", userPath, "--threads", "8", "--rounds", "50", "--quiet", "--json", json.toString()));
        Path out = dir.resolve("out.txt");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("goc finished").isTrue();
        String text = Files.readString(out);
        assertThat(p.exitValue()).as(text).isZero();
        JsonNode run = Goc.firstRun(json);
        assertThat(run.path("config").path("strategy").asText()).startsWith("jooq-3.");
        assertThat(run.path("config").path("strategyDescription").asText()).startsWith("jOOQ 3.");
        assertThat(run.path("verdict").asText()).as(text).isEqualTo("SAFE");
        assertThat(Races.outcome(run, "CREATED")).isEqualTo(50);
    }
}
