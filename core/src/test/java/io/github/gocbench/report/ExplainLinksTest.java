package io.github.gocbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gocbench.outcome.Verdict;
import io.github.gocbench.results.RunResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every UNSAFE cell of a report names the goc explain command that shows how it breaks (issue 18). */
class ExplainLinksTest {

    @Test
    void eachUnsafeCellGetsItsExplainCommandOnce() {
        List<RunResult> runs = SampleResults.all();
        Map<String, List<String>> cmds = ExplainLinks.commands(runs);
        long unsafe = runs.stream().filter(r -> r.verdict() == Verdict.UNSAFE).count();
        assertThat(unsafe).as("the sample has UNSAFE runs").isPositive();
        assertThat(cmds).isNotEmpty();
        for (RunResult r : runs) {
            if (r.verdict() != Verdict.UNSAFE) {
                continue;
            }
            String prefix = "goc explain --db " + r.target().family().cliName() + " --strategy " + r.config().strategy()
                    + (r.config().conditions().outerTx() ? " --outer-tx" : "");
            assertThat(cmds.keySet()).anyMatch(c -> c.startsWith(prefix));
        }
        assertThat(ExplainLinks.commands(runs.stream().filter(r -> r.verdict() != Verdict.UNSAFE).toList())).isEmpty();
        assertThat(ExplainLinks.markdown(runs)).contains("- `goc explain --db ");
    }
}
