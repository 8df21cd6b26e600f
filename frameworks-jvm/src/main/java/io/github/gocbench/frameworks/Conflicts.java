package io.github.gocbench.frameworks;

import io.github.gocbench.spi.UserStrategy;
import java.sql.SQLException;

/** The error for "lost the insert, then could not read the row": goc classifies it NOT_FOUND_AFTER_CONFLICT. */
public final class Conflicts {

    private Conflicts() {
    }

    /** An SQLException with {@link UserStrategy#NOT_FOUND_AFTER_CONFLICT}, caused by {@code conflict} (may be null). */
    public static SQLException notFoundAfterConflict(long key, SQLException conflict) {
        return new SQLException("key " + key + " was not inserted by this call but was not found when read again",
                UserStrategy.NOT_FOUND_AFTER_CONFLICT, 0, conflict);
    }
}
