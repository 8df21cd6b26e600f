package io.github.gocbench.explain;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * PostgreSQL: a session is blocked when {@code pg_blocking_pids(pid)} is not empty (heavyweight
 * locks: row, transaction id, advisory); its entries are whom it waits for.
 */
final class PostgresWaits implements ServerWaits {

    private final Connection observer;

    PostgresWaits(Connection observer) {
        this.observer = observer;
    }

    @Override
    public Map<Long, List<Long>> blocked(List<Long> sessions) throws SQLException {
        Map<Long, List<Long>> out = new LinkedHashMap<>();
        if (sessions.isEmpty()) {
            return out;
        }
        String ids = sessions.stream().map(String::valueOf).collect(Collectors.joining(","));
        String sql = "SELECT p, array_to_string(pg_blocking_pids(p), ',') FROM unnest(ARRAY[" + ids
                + "]::int[]) AS p";
        try (Statement s = observer.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                String b = rs.getString(2);
                if (b != null && !b.isEmpty()) {
                    List<Long> blockers = new ArrayList<>();
                    for (String pid : b.split(",")) {
                        blockers.add(Long.parseLong(pid.trim()));
                    }
                    out.put(rs.getLong(1), blockers);
                }
            }
        }
        return out;
    }
}
