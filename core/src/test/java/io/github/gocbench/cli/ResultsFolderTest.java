package io.github.gocbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsFolderTest {

    private static final Instant START = Instant.parse("2026-11-27T05:04:09.5Z");

    @Test
    void namesFolderByUtcTimestampAndNeverReusesOne(@TempDir Path out) throws IOException {
        Path first = ResultsFolder.create(out, START);
        Files.writeString(first.resolve("results.json"), "[]");
        Path second = ResultsFolder.create(out, START);
        Path third = ResultsFolder.create(out, START);

        assertThat(first.getFileName()).hasToString("20261127-050409");
        assertThat(second.getFileName()).hasToString("20261127-050409-2");
        assertThat(third.getFileName()).hasToString("20261127-050409-3");
        assertThat(Files.readString(first.resolve("results.json"))).isEqualTo("[]");
    }

    @Test
    void createsTheOutFolderWhenMissing(@TempDir Path dir) throws IOException {
        Path folder = ResultsFolder.create(dir.resolve("results"), START);
        assertThat(folder).isDirectory().hasParent(dir.resolve("results"));
    }

    @Test
    void latestIsReplacedAndLeavesNoTemporaryFiles(@TempDir Path out) throws IOException {
        Path a = ResultsFolder.create(out, START);
        Path b = ResultsFolder.create(out, START.plusSeconds(60));
        ResultsFolder.markLatest(out, a);
        ResultsFolder.markLatest(out, b);

        Path latest = out.resolve("latest");
        if (Files.isSymbolicLink(latest)) {
            assertThat(Files.readSymbolicLink(latest)).hasToString(b.getFileName().toString());
            assertThat(latest.toRealPath()).isEqualTo(b.toRealPath());
        } else {
            assertThat(Files.readString(latest).trim()).isEqualTo(b.getFileName().toString());
        }
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    a.getFileName().toString(), b.getFileName().toString(), "latest");
        }
    }
}
