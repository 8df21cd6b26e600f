package io.github.gocbench.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.gocbench.report.Report;
import io.github.gocbench.report.ReportFiles;
import io.github.gocbench.report.ReportInput;
import io.github.gocbench.report.ThroughputPoint;
import io.github.gocbench.results.RunResult;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code goc report FILE...}: re-draws charts, {@code report.md} and {@code report.html} from saved
 * results (goc results JSON, JMH {@code -rf json}), into the folder of the first file or
 * {@code --out}. Every file is checked before anything is drawn: a missing file, a file that is
 * not JSON, or JSON that is neither goc-bench results nor JMH output is one line and exit 2.
 */
@Command(name = "report",
        header = "Re-draw charts and report from saved results or JMH JSON.", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Re-draws the charts (PNG and SVG), report.md and report.html from saved",
                "results: results.json of goc compare, bench or race (--json), and JMH",
                "output (-rf json) from benchmarks/. Several files are drawn together when",
                "they measured different things; two files that measured the same",
                "configuration are refused (compare two runs with goc diff OLD NEW).",
                "Writes into the folder of the first file unless --out names another; a",
                "report goc-bench drew there before is replaced, other files are left alone.",
                ""},
        footerHeading = "%nExamples:%n",
        footer = {
                "  goc report results/latest/results.json",
                "  goc report results/latest/results.json results/jmh/upsert-t8.json --out /tmp/r",
                "",
                "Exit codes: 0 drawn; 2 bad input (missing file, not results, nothing to",
                "            draw, report files goc-bench did not write in the folder)."})
final class ReportCommand implements Callable<Integer> {

    @ParentCommand
    private Goc goc;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*",
            description = "Saved results: goc results JSON and/or JMH JSON.")
    List<Path> files;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder to draw into (default: the folder of the first FILE).")
    Path out;

    @Override
    public Integer call() throws IOException {
        List<RunResult> runs = new ArrayList<>();
        List<ThroughputPoint> points = new ArrayList<>();
        Map<String, Path> seen = new HashMap<>();
        for (Path f : files) {
            ReportInput one = read(f);
            refuseOverlap(f, one, seen);
            runs.addAll(one.runs());
            points.addAll(one.benchmarks());
        }
        ReportInput input = new ReportInput(runs, points, files);
        if (input.isEmpty()) {
            throw new BadInputException("nothing to draw: " + (files.size() == 1 ? files.get(0) + " holds" : "the files hold")
                    + " no runs and no JMH throughput results");
        }
        Path dir = outDir();
        ReportFiles report;
        try {
            report = Report.write(input, dir);
        } catch (FileAlreadyExistsException e) {
            throw new BadInputException(dir + " holds " + Path.of(e.getFile()).getFileName()
                    + " that goc-bench did not write: choose another folder with --out");
        }
        Terminal term = Terminal.of(spec.commandLine(), goc != null && goc.quiet());
        if (term.quiet()) {
            return ExitCodes.OK;
        }
        term.out().println("report: " + report.markdown());
        term.out().println("        " + report.html());
        term.out().println("charts: " + report.charts().size() + " in " + dir.resolve("charts") + " (PNG and SVG)");
        term.out().flush();
        return ExitCodes.OK;
    }

    /**
     * Two files that measured the same configuration are two runs to compare, not one to draw:
     * drawing them together would fold them into one point (a median), so the report is refused in
     * one line that points at {@code goc diff}.
     */
    private static void refuseOverlap(Path f, ReportInput one, Map<String, Path> seen) {
        Set<String> mine = new LinkedHashSet<>();
        for (RunResult r : one.runs()) {
            RunResult.ConfigInfo c = r.config();
            mine.add(r.target().family().cliName() + " " + r.target().version() + " " + c.strategy() + " "
                    + c.workload().id() + (c.keys() == null ? "" : " " + c.keys()) + " " + c.threads() + " threads "
                    + c.conditions());
        }
        for (ThroughputPoint p : one.benchmarks()) {
            mine.add("JMH " + p.server() + " " + p.strategy() + " " + p.keys() + " " + p.threads() + " threads "
                    + p.condition());
        }
        for (String k : mine) {
            Path other = seen.putIfAbsent(k, f);
            if (other != null && !other.equals(f)) {
                throw new BadInputException(other + " and " + f + " both measured " + k.replaceFirst(" Conditions\\[.*", "")
                        .replaceAll(" Conditions\\[.*$", "") + ": goc report draws one run, it would fold the two into"
                        + " one point; compare them with 'goc diff " + other + " " + f + "' or draw each alone");
            }
        }
    }

    /** One file's runs or JMH points; anything else is bad input. */
    private static ReportInput read(Path f) {
        if (!Files.isRegularFile(f)) {
            throw new BadInputException(f + (Files.exists(f) ? " is not a file" : ": no such file")
                    + ": give a results.json or a JMH -rf json file");
        }
        ReportInput in;
        try {
            in = ReportInput.read(List.of(f));
        } catch (JsonProcessingException e) {
            throw new BadInputException(f + " is not goc-bench results or JMH JSON: "
                    + Errors.oneLine(e.getOriginalMessage()));
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInputException(f + " could not be read: " + Errors.oneLine(e.getMessage()));
        }
        for (RunResult r : in.runs()) {
            if (r == null || !"goc-bench".equals(r.tool()) || r.config() == null || r.target() == null
                    || r.totals() == null || r.verdict() == null) {
                throw new BadInputException(f + " is not goc-bench results or JMH JSON: expected result objects"
                        + " with \"tool\": \"goc-bench\", as goc compare, bench and race write them");
            }
        }
        return in;
    }

    /** {@code --out}, which must be a folder or creatable in an existing one; else the first file's folder. */
    private Path outDir() {
        if (out == null) {
            return files.get(0).toAbsolutePath().normalize().getParent();
        }
        Path abs = out.toAbsolutePath().normalize();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new BadInputException("--out " + out + " is a file, not a folder: choose a folder");
        }
        if (!Files.exists(abs) && (abs.getParent() == null || !Files.isDirectory(abs.getParent()))) {
            throw new BadInputException("--out " + out + ": folder " + abs.getParent()
                    + " does not exist: create it or choose another path");
        }
        return abs;
    }
}
