package io.github.gocbench.report;

import io.github.gocbench.results.Provenance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The report's header block: where its results came from (build and git revision, the command
 * line, when, the host and its load, the bounds, the JDBC drivers), one Markdown line per fact,
 * so a published chart can be traced back to the code, the command and the machine.
 */
final class ProvenanceBlock {

    private ProvenanceBlock() {
    }

    /** The lines for {@code documents} (one group per results document; none for older documents). */
    static List<String> lines(List<Provenance> documents) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            Provenance p = documents.get(i);
            String prefix = documents.size() > 1 ? "[" + (i + 1) + "] " : "";
            out.add(prefix + "made by `goc " + String.join(" ", p.arguments() == null ? List.of(p.command())
                    : withCommand(p)) + "` with " + p.tool() + " " + p.version() + " at revision `" + p.revision()
                    + "`" + (p.dirty() ? " (with uncommitted changes)" : ""));
            if (p.started() != null && p.finished() != null) {
                out.add(prefix + "from " + p.started() + " to " + p.finished() + " ("
                        + minutes(Duration.between(p.started(), p.finished())) + ")");
            }
            Provenance.Host h = p.host();
            if (h != null) {
                out.add(prefix + "host: " + (h.cpuModel() == null ? "CPU unknown" : h.cpuModel()) + ", " + h.cores()
                        + " cores" + (h.memoryBytes() == null ? "" : ", " + gib(h.memoryBytes()) + " GiB") + ", "
                        + h.os() + ", Java " + h.jvm() + "; load average " + load(h.loadBefore()) + " before, "
                        + load(h.loadAfter()) + " after" + (busy(h) ? " (a busy machine: throughput is noisy)" : ""));
            }
            Provenance.BoundsInfo b = p.bounds();
            if (b != null) {
                out.add(prefix + String.format(Locale.ROOT, "bounds: deadline %.0f s per run, statement timeout %.0f s,"
                                + " lock timeout %.0f s, call watchdog %.0f s", b.deadlineSeconds(),
                        b.statementTimeoutSeconds(), b.lockTimeoutSeconds(), b.callTimeoutSeconds()));
            }
            if (p.drivers() != null && !p.drivers().isEmpty()) {
                out.add(prefix + "JDBC drivers: " + p.drivers().entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
            }
        }
        return out;
    }

    private static List<String> withCommand(Provenance p) {
        List<String> all = new ArrayList<>(p.arguments());
        if (all.isEmpty() || !all.get(0).equals(p.command())) {
            all.add(0, p.command());
        }
        return all;
    }

    private static boolean busy(Provenance.Host h) {
        double worst = Math.max(h.loadBefore() == null ? 0 : h.loadBefore(), h.loadAfter() == null ? 0 : h.loadAfter());
        return h.cores() > 0 && worst > h.cores();
    }

    private static String load(Double l) {
        return l == null ? "unknown" : String.format(Locale.ROOT, "%.2f", l);
    }

    private static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.0f", bytes / (1024.0 * 1024 * 1024));
    }

    private static String minutes(Duration d) {
        long s = d.getSeconds();
        return s >= 60 ? (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s" : s + "s";
    }
}
