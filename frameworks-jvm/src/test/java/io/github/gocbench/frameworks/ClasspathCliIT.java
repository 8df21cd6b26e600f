package io.github.gocbench.frameworks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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
        Set<String> theirs = libs.stream().map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        String gocOnly = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !theirs.contains(Path.of(e).getFileName().toString()))
                .filter(e -> !Path.of(e).toAbsolutePath().startsWith(TARGET.toAbsolutePath()))
                .collect(Collectors.joining(File.pathSeparator));
        assertThat(gocOnly.split(File.pathSeparator)).as("goc's own classpath")
                .noneMatch(e -> e.contains("jooq") || e.contains("hibernate") || e.contains("frameworks-jvm"));
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
