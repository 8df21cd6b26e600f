package io.github.gocbench.cli;

import java.util.Locale;

/** Reads {@code goc race --max-rate}: a per-round anomaly rate as {@code 0.0001}, {@code 1/10000} or {@code 0.01%}. */
final class MaxRate {

    private MaxRate() {
    }

    /** The rate, strictly between 0 and 1; bad text or a rate out of range is bad input. */
    static double parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        double r;
        try {
            if (t.endsWith("%")) {
                r = Double.parseDouble(t.substring(0, t.length() - 1)) / 100;
            } else if (t.contains("/")) {
                String[] p = t.split("/", 2);
                r = Double.parseDouble(p[0]) / Double.parseDouble(p[1]);
            } else {
                r = Double.parseDouble(t);
            }
        } catch (NumberFormatException e) {
            r = Double.NaN;
        }
        if (!(r > 0 && r < 1)) {
            throw new BadInputException("--max-rate '" + text + "' is not a rate between 0 and 1: use e.g. 0.001,"
                    + " 1/1000 or 0.1%");
        }
        return r;
    }
}
