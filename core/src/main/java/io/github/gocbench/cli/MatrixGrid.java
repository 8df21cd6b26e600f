package io.github.gocbench.cli;

import io.github.gocbench.plan.MatrixPlan;
import io.github.gocbench.report.VerdictGrid;
import io.github.gocbench.results.RunResult;
import java.util.ArrayList;
import java.util.List;

/**
 * One server's matrix as a Hermitage-style table: rows are strategies (catalogue order), columns
 * the {@link MatrixPlan.Column}s; a cell reads ✓ when its race was SAFE, else the short names of
 * the anomalies seen ({@link VerdictGrid#anomalies}), "–" when it did not run, with " *" when the
 * race was cut short. {@link VerdictGrid} itself labels columns by server and long condition
 * names, too wide for twelve columns, hence this compact grid over the same marks.
 */
final class MatrixGrid {

    private final List<String> strategies;
    private final List<MatrixPlan.Column> columns;
    private final List<RunResult> results;

    MatrixGrid(List<String> strategies, List<MatrixPlan.Column> columns, List<RunResult> results) {
        this.strategies = List.copyOf(strategies);
        this.columns = List.copyOf(columns);
        this.results = List.copyOf(results);
    }

    /** The text of the cell of {@code strategy} in {@code column} ({@link VerdictGrid.Cell#text()}). */
    String cell(String strategy, MatrixPlan.Column column) {
        List<RunResult> rs = results.stream()
                .filter(r -> r.config() != null && strategy.equals(r.config().strategy())
                        && column.matches(r.config()))
                .toList();
        return VerdictGrid.cellOf(rs).text();
    }

    private TextTable table() {
        String[] header = new String[columns.size() + 1];
        header[0] = "strategy";
        for (int i = 0; i < columns.size(); i++) {
            header[i + 1] = columns.get(i).label();
        }
        TextTable t = new TextTable(header);
        for (String s : strategies) {
            Object[] row = new Object[columns.size() + 1];
            row[0] = s;
            for (int i = 0; i < columns.size(); i++) {
                row[i + 1] = cell(s, columns.get(i));
            }
            t.row(row);
        }
        return t;
    }

    /** For the terminal. */
    String plain() {
        return table().plain();
    }

    /** A GitHub-flavoured Markdown table. */
    String markdown() {
        return table().markdown();
    }
}
