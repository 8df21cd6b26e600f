package io.github.gocbench.outcome;

/** SAFE when a run saw no anomaly and broke no invariant, else UNSAFE. */
public enum Verdict {
    SAFE,
    UNSAFE
}
