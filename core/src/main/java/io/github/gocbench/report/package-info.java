/**
 * Charts and the report of {@code goc compare} and {@code goc report}: throughput, anomaly
 * rate, latency percentiles and the verdict grid, drawn with JFreeChart as PNG and SVG from
 * saved result files only, and put together in {@code report.md} and a self-contained
 * {@code report.html}. Entry point: {@link io.github.gocbench.report.Report}.
 */
package io.github.gocbench.report;
