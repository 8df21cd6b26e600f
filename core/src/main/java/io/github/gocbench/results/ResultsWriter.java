package io.github.gocbench.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes result documents as JSON (one object, or an array for a sweep) and CSV, atomically:
 * to a temporary file in the same folder, then moved into place; an existing file is never
 * overwritten unless asked.
 */
public final class ResultsWriter {

    private ResultsWriter() {
    }

    /** Writes {@code results} as JSON (an object when there is one, else an array). */
    public static void writeJson(Path file, List<RunResult> results) throws IOException {
        throw new UnsupportedOperationException("TODO engine/results");
    }

    /** Writes one CSV row per result, with a header. */
    public static void writeCsv(Path file, List<RunResult> results) throws IOException {
        throw new UnsupportedOperationException("TODO engine/results");
    }

    /** Reads a JSON file written by {@link #writeJson}. */
    public static List<RunResult> readJson(Path file) throws IOException {
        throw new UnsupportedOperationException("TODO engine/results");
    }
}
