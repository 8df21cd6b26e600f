import io.github.gocbench.spi.UserStrategy;
import java.sql.Connection;

/**
 * A get-or-create that sends no statement: every call answers FOUND with id = key at once. Run
 * through {@code goc bench --strategy-class NoopStrategy}, what is left of a call is the engine's own
 * work (the watchdog hand-shake, the key ledger, the latency recorder, the counters, the clock
 * reads), so its calls/s and client CPU per call are the engine's cost per call, to set beside a
 * real strategy's (issue 12; {@code benchmarks/plain/engine-own-cost.sh}).
 */
public final class NoopStrategy implements UserStrategy {

    @Override
    public String description() {
        return "no statement: answers FOUND with id = key (the engine's own cost per call)";
    }

    @Override
    public Answer getOrCreate(Connection connection, long key) {
        return new Answer(key, false);
    }
}
