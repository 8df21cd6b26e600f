package io.github.gocbench.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The folder a {@code compare} writes into: {@code <out>/<UTC yyyyMMdd-HHmmss>}, never an existing
 * one (a suffix {@code -2}, {@code -3}, ... is added instead), and {@code <out>/latest} pointing at
 * it, replaced atomically: a symbolic link, or a text file holding the folder name where links
 * cannot be made.
 */
final class ResultsFolder {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private ResultsFolder() {
    }

    /** Creates a new, empty folder for a run started at {@code start}. */
    static Path create(Path out, Instant start) throws IOException {
        Files.createDirectories(out);
        String base = STAMP.format(start);
        for (int n = 1; n < 1000; n++) {
            Path dir = out.resolve(n == 1 ? base : base + "-" + n);
            try {
                return Files.createDirectory(dir); // atomic: fails when it exists, so nothing is overwritten
            } catch (FileAlreadyExistsException e) {
                // taken: try the next suffix
            }
        }
        throw new IOException("no free folder name for " + base + " in " + out);
    }

    /** Points {@code <out>/latest} at {@code dir} (a sibling), replacing any previous one atomically. */
    static void markLatest(Path out, Path dir) throws IOException {
        Path latest = out.resolve("latest");
        Path tmp = out.resolve(".latest-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            Files.createSymbolicLink(tmp, dir.getFileName());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            Files.writeString(tmp, dir.getFileName() + "\n", StandardCharsets.UTF_8);
        }
        try {
            Files.move(tmp, latest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, latest, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
