package io.github.gocbench.explain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.gocbench.results.ResultsWriter;
import java.io.IOException;
import java.nio.file.Path;

/** {@link Explanation} as JSON ({@code goc explain --json FILE}), written atomically. */
public final class ExplainJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ExplainJson() {
    }

    /** The JSON text: the explanation's fields, its verdict, and each result's swimlane rows. */
    public static String text(Explanation e) throws IOException {
        return JSON.writeValueAsString(new Document(e.verdict(), e));
    }

    /** Writes {@code e} to {@code file} atomically; {@code overwrite} as {@link ResultsWriter#writeAtomically}. */
    public static void write(Path file, Explanation e, boolean overwrite) throws IOException {
        byte[] bytes = text(e).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ResultsWriter.writeAtomically(file, overwrite, out -> out.write(bytes));
    }

    /** The document: the verdict line first, then everything found. */
    record Document(String verdict, Explanation explanation) {
    }
}
