package io.github.gocbench.cli;

import picocli.CommandLine.Option;

/**
 * {@code --churn P}: the probability that a caller deletes the row after use. Mixed into the
 * commands whose runs go through the engine ({@code race}, {@code bench}); not part of
 * {@link ConditionOptions} because {@code replay} takes the conditions but always deletes.
 */
final class ChurnOptions {

    @Option(names = "--churn", paramLabel = "P", defaultValue = "0",
            description = "Probability 0..1 that a caller deletes the row after use (default ${DEFAULT-VALUE}).")
    double churn;

    /** The probability; throws {@link BadInputException} when it is outside 0..1. */
    double probability() {
        return InputChecks.churn(churn);
    }
}
