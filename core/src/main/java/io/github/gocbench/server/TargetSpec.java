package io.github.gocbench.server;

import io.github.gocbench.dialect.DbFamily;

/**
 * What the user asked for: a family and, optionally, how to reach or provide it.
 *
 * @param family    the server family
 * @param url       a JDBC URL, or {@code null} to provide a server (embedded or container)
 * @param user      user name for {@code url}, or {@code null} to take it from the URL
 * @param password  password for {@code url}, or {@code null}; never printed
 * @param pgVersion PostgreSQL major version for embedded PostgreSQL (14..18), or 0 for the default
 * @param provision how to provide the server when {@code url} is null: {@code null} means
 *                  embedded where possible (containers for MySQL)
 */
public record TargetSpec(DbFamily family, String url, String user, String password, int pgVersion,
                         Provision provision) {

    /** The default target for a family: embedded server (container for MySQL). */
    public static TargetSpec of(DbFamily family) {
        return new TargetSpec(family, null, null, null, 0, null);
    }

    /** A server reached by JDBC URL. */
    public static TargetSpec ofUrl(DbFamily family, String url) {
        return new TargetSpec(family, url, null, null, 0, Provision.URL);
    }

    @Override
    public String toString() {
        return "TargetSpec[family=" + family + ", url=" + Secrets.maskUrl(url) + ", user=" + user
                + ", password=" + (password == null ? "null" : "****") + ", pgVersion=" + pgVersion
                + ", provision=" + provision + "]";
    }
}
