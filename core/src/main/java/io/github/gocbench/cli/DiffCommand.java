package io.github.gocbench.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.gocbench.report.ResultsDiff;
import io.github.gocbench.results.ResultsWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code goc diff OLD NEW}: what changed between two saved results, as Markdown for a pull-request
 * comment, exiting 1 on a regression so CI can gate on it. The logic is {@link ResultsDiff}.
 */
@Command(name = "diff",
        header = "Compare two saved results: verdict and grade changes, goodput against spread.",
        mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Compares two saved results (a results folder such as results/latest, or a",
                "results.json / --json file / matrix.json) and prints Markdown: runs whose",
                "verdict changed (SAFE -> UNSAFE is a regression), whose grade against the",
                "strategy's declaration changed (to FORBIDDEN SEEN is a regression), and the",
                "goodput of every steady configuration, judged against the runs' own spread:",
                "slower counts only when the new min-max range lies wholly below the old one.",
                "Runs are matched by database, strategy, workload, threads, keys and",
                "conditions; repeated runs of one configuration give median and range.",
                ""},
        footerHeading = "%nExamples:%n",
        footer = {
                "  goc diff results/20261127-084027 results/latest",
                "  goc diff old.json new.json --out diff.md",
                "",
                "Exit codes: 0 no regression; 1 a regression; 2 bad input (missing or",
                "            unreadable file)."})
final class DiffCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD", description = "The earlier results: folder or JSON file.")
    Path older;

    @Parameters(index = "1", paramLabel = "NEW", description = "The later results: folder or JSON file.")
    Path newer;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Also write the Markdown to FILE (never overwritten).")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (out != null) {
            out = InputChecks.newFile("--out", out);
        }
        Path a = resultsFile(older);
        Path b = resultsFile(newer);
        ResultsWriter.Document da = read(a);
        ResultsWriter.Document db = read(b);
        ResultsDiff diff = ResultsDiff.of(older.toString(), da.provenance(), da.runs(), newer.toString(),
                db.provenance(), db.runs());
        String md = diff.markdown() + io.github.gocbench.report.CostDiff.markdown(da.runs(), db.runs()); // issue 17
        spec.commandLine().getOut().print(md);
        spec.commandLine().getOut().flush();
        if (out != null) {
            ResultsWriter.writeAtomically(out, false, o -> o.write(md.getBytes(StandardCharsets.UTF_8)));
        }
        return diff.regressed() ? ExitCodes.ANOMALY : ExitCodes.OK;
    }

    /** A folder means its results.json (or matrix.json); a file is taken as it is. */
    private static Path resultsFile(Path p) {
        if (Files.isDirectory(p)) {
            for (String name : new String[] {"results.json", "matrix.json"}) {
                if (Files.isRegularFile(p.resolve(name))) {
                    return p.resolve(name);
                }
            }
            throw new BadInputException(p + " holds no results.json or matrix.json: give a results folder or file");
        }
        if (!Files.isRegularFile(p)) {
            throw new BadInputException(p + ": no such file or folder: give a results folder or results.json");
        }
        return p;
    }

    private static ResultsWriter.Document read(Path f) {
        try {
            return ResultsWriter.readDocument(f);
        } catch (JsonProcessingException e) {
            throw new BadInputException(f + " is not goc-bench results: " + Errors.oneLine(e.getOriginalMessage()));
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInputException(f + " could not be read: " + Errors.oneLine(e.getMessage()));
        }
    }
}
