package io.github.gocbench.server;

import io.github.gocbench.dialect.DbFamily;
import io.github.gocbench.dialect.Dialect;
import io.github.gocbench.wire.Wire;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * A server reached through a JDBC URL: a user's {@code --db-url}, or the URL of an embedded
 * server or container this JVM started (then {@link TargetInfo#provision()} says so, and the
 * server's lifetime belongs to whoever started it, not to this handle).
 */
final class UrlTarget implements Target {

    /** Bound on establishing a connection, so a wrong host cannot hang a run. */
    static final int CONNECT_TIMEOUT_SECONDS = 5;

    private final JdbcUrl url;
    private final String connectUrl;
    private final Properties properties;
    private final Dialect dialect;
    private final TargetInfo info;

    private UrlTarget(JdbcUrl url, String connectUrl, Properties properties, Dialect dialect, TargetInfo info) {
        this.url = url;
        this.connectUrl = connectUrl;
        this.properties = properties;
        this.dialect = dialect;
        this.info = info;
    }

    /**
     * Validates {@code url} for {@code family}, connects once to probe it and records what the
     * server is.
     *
     * @param user     overrides the URL's user when not null
     * @param password overrides the URL's password when not null; never printed
     * @param extra    settings known from provisioning (e.g. how an embedded server was started)
     * @throws TargetUnavailableException one line saying what is wrong and what to do
     */
    static UrlTarget open(DbFamily family, String url, String user, String password, Provision provision,
                          Map<String, String> extra) throws TargetUnavailableException {
        JdbcUrl parsed = JdbcUrl.parse(family, url);
        List<String> secrets = new ArrayList<>(parsed.passwords());
        if (password != null && !password.isEmpty()) {
            secrets.add(password);
        }
        String connectUrl = parsed.withoutCredentials(user != null, password != null);
        Dialect dialect = Dialects.of(family);
        Properties props = new Properties();
        props.putAll(StatementCache.properties(family));
        // counts round trips and statements of the connections a run's workers open (issue 17)
        props.putAll(Wire.properties(family));
        // what the dialect's strategies rely on, e.g. Connector/J useAffectedRows=true
        props.putAll(dialect.connectionProperties());
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        if (family == DbFamily.POSTGRES) {
            props.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
            props.setProperty("loginTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        } else {
            props.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS * 1000));
        }
        String effectiveUser = user != null ? user : parsed.user();
        try (Connection c = DriverManager.getConnection(connectUrl, props)) {
            TargetInfo info = describe(c, family, provision, Secrets.maskUrl(connectUrl), dialect, extra);
            return new UrlTarget(parsed, connectUrl, props, dialect, info);
        } catch (SQLException e) {
            String line = ConnectFailures.describe(e, parsed, effectiveUser, CONNECT_TIMEOUT_SECONDS, dialect);
            for (String secret : secrets) {
                line = Secrets.mask(line, secret);
            }
            throw new TargetUnavailableException(line, e);
        }
    }

    private static TargetInfo describe(Connection c, DbFamily family, Provision provision, String maskedUrl,
                                       Dialect dialect, Map<String, String> extra) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String product = md.getDatabaseProductName();
        String version = md.getDatabaseProductVersion();
        if (family != DbFamily.POSTGRES) {
            // Connector/J calls MariaDB "MySQL"; the server's own version string tells them apart.
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT VERSION()")) {
                if (rs.next()) {
                    version = rs.getString(1);
                    product = version.toLowerCase(Locale.ROOT).contains("mariadb") ? "MariaDB" : "MySQL";
                }
            }
        }
        Map<String, String> settings = new LinkedHashMap<>(dialect.serverSettings(c));
        settings.putAll(extra);
        settings.putAll(StatementCache.recorded(family));
        return new TargetInfo(family, product, version, provision, maskedUrl, Collections.unmodifiableMap(settings));
    }

    @Override
    public TargetInfo info() {
        return info;
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(connectUrl, properties);
        c.setAutoCommit(true);
        return c;
    }

    @Override
    public void close() {
        // Nothing held: connections belong to their callers, servers to whoever started them.
    }

    @Override
    public String toString() {
        return "Target[" + url.family().cliName() + " " + info.provision().cliName() + " " + info.url() + "]";
    }
}
