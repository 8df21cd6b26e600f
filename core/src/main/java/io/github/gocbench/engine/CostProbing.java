package io.github.gocbench.engine;

import io.github.gocbench.cost.ServerProbes;
import io.github.gocbench.dialect.DbFamily;
import io.github.gocbench.results.CallCost;
import io.github.gocbench.server.Target;
import io.github.gocbench.strategy.Table;
import java.sql.Connection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where the engine opens and closes a run's {@link CostWindow}; probing never fails a run. */
final class CostProbing {

    private static final Logger LOG = LoggerFactory.getLogger(CostProbing.class);

    private CostProbing() {
    }

    /**
     * The run's cost window on the checker connection, or {@code null} when probing cannot start;
     * with {@link RunConfig#serverProbes()} false, a window that asks the server nothing.
     */
    static CostWindow window(Target target, Connection checker, Table table, RunConfig config) {
        try {
            DbFamily family = "postgres".equals(target.dialect().id()) ? DbFamily.POSTGRES : DbFamily.MARIADB;
            boolean race = config.workload() instanceof Workload.Race;
            boolean on = config.serverProbes();
            return new CostWindow(on ? ServerProbes.of(family, checker) : ServerProbes.unasked(family), checker,
                    table.name(), config.conditions().churn() > 0, race ? "run" : "measured",
                    on ? null : RunConfig.PROBES_OFF);
        } catch (RuntimeException e) {
            LOG.warn("cost probing is off for this run: {}", e.toString());
            return null;
        }
    }

    /** A race's window: opened before the first round, every worker's wire count starting now. */
    static void openForRace(CostWindow cost, List<Worker> workers) {
        if (cost == null) {
            return;
        }
        for (Worker w : workers) {
            w.sessionEdge(cost.sessionSql());
            w.markWindowStart();
        }
        cost.open();
    }

    /** The window's figures, after the workers ended; {@code null} without a window. */
    static CallCost close(CostWindow cost, List<Worker> workers, boolean race) {
        if (cost == null) {
            return null;
        }
        try {
            if (race) {
                for (Worker w : workers) {
                    w.markWindowEnd();
                    w.sessionEdge(cost.sessionSql());
                }
            }
            return cost.close(workers);
        } catch (RuntimeException e) {
            LOG.warn("cost figures lost: {}", e.toString());
            return null;
        }
    }
}
