package io.github.gocbench.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small table for terminal and Markdown output: a header, rows of cells, columns padded to
 * their widest cell. Numeric-looking columns can be right-aligned.
 */
final class TextTable {

    private final List<String> header;
    private final boolean[] rightAligned;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(String... header) {
        this.header = List.of(header);
        this.rightAligned = new boolean[header.length];
    }

    /** Right-aligns the given columns (0-based). */
    TextTable right(int... columns) {
        for (int c : columns) {
            rightAligned[c] = true;
        }
        return this;
    }

    /** Adds a row; missing cells are blank, extra cells are an error. */
    TextTable row(Object... cells) {
        if (cells.length > header.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table has " + header.size());
        }
        List<String> r = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            r.add(i < cells.length && cells[i] != null ? String.valueOf(cells[i]) : "");
        }
        rows.add(r);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Plain text: columns separated by two spaces, a dashed rule under the header. */
    String plain() {
        int[] w = widths();
        StringBuilder sb = new StringBuilder();
        line(sb, header, w, "  ", "");
        List<String> rule = new ArrayList<>();
        for (int x : w) {
            rule.add("-".repeat(x));
        }
        line(sb, rule, w, "  ", "");
        for (List<String> r : rows) {
            line(sb, r, w, "  ", "");
        }
        return sb.toString();
    }

    /** GitHub-flavoured Markdown, pipes in cells escaped. */
    String markdown() {
        int[] w = widths();
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.max(3, w[i]); // a Markdown rule needs three dashes
        }
        StringBuilder sb = new StringBuilder();
        line(sb, escaped(header), w, " | ", "| ");
        List<String> rule = new ArrayList<>();
        for (int i = 0; i < w.length; i++) {
            String dashes = "-".repeat(w[i]);
            rule.add(rightAligned[i] ? dashes.substring(1) + ":" : dashes);
        }
        line(sb, rule, w, " | ", "| ");
        for (List<String> r : rows) {
            line(sb, escaped(r), w, " | ", "| ");
        }
        return sb.toString();
    }

    private static List<String> escaped(List<String> cells) {
        return cells.stream().map(c -> c.replace("|", "\\|")).toList();
    }

    private int[] widths() {
        int[] w = new int[header.size()];
        Arrays.fill(w, 0);
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.max(w[i], header.get(i).length());
            for (List<String> r : rows) {
                w[i] = Math.max(w[i], r.get(i).replace("|", "\\|").length());
            }
        }
        return w;
    }

    private void line(StringBuilder sb, List<String> cells, int[] w, String sep, String edge) {
        StringBuilder l = new StringBuilder(edge);
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                l.append(sep);
            }
            String c = cells.get(i);
            String pad = " ".repeat(Math.max(0, w[i] - c.length()));
            l.append(rightAligned[i] ? pad + c : c + pad);
        }
        if (!edge.isEmpty()) {
            l.append(" |");
        }
        sb.append(l.toString().stripTrailing()).append('\n');
    }
}
