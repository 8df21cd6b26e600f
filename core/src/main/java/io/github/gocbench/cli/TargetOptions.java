package io.github.gocbench.cli;

import io.github.gocbench.dialect.DbFamily;
import io.github.gocbench.server.Provision;
import io.github.gocbench.server.Secrets;
import io.github.gocbench.server.TargetSpec;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;

/**
 * How to reach or provide the database: {@code --db-url}, {@code --db-user},
 * {@code --db-password} (or {@value #PASSWORD_ENV}), {@code --pg-version}. The family itself
 * ({@code --db}) belongs to each command, since {@code compare} takes a list.
 */
final class TargetOptions {

    /** Environment variable read when {@code --db-password} is not given. */
    static final String PASSWORD_ENV = "GOC_DB_PASSWORD";

    @Option(names = "--db-url", paramLabel = "URL",
            description = "Use this server instead of an embedded one: jdbc:postgresql://HOST:5432/DB for"
                    + " postgres, jdbc:mysql://HOST:3306/DB for mariadb and mysql.")
    String url;

    @Option(names = "--db-user", paramLabel = "U", description = "User for --db-url (default: the URL's).")
    String user;

    @Option(names = "--db-password", paramLabel = "P", arity = "1", showDefaultValue = Visibility.NEVER,
            defaultValue = "${env:" + PASSWORD_ENV + "}",
            description = "Password for --db-url (default: $" + PASSWORD_ENV + "). Never printed.")
    String password;

    @Option(names = "--pg-version", paramLabel = "N",
            description = "PostgreSQL major version of the embedded server, 14..18 (default 17).")
    Integer pgVersion;

    String password() {
        return password;
    }

    /**
     * The families of a {@code --db} list ({@link InputChecks#dbList}); with {@code --db-url},
     * which names one server, only one.
     */
    List<DbFamily> families(String dbs) {
        List<DbFamily> families = InputChecks.dbList(dbs);
        if (families.size() > 1 && url != null) {
            throw new BadInputException("--db-url names one server but --db lists " + families.size()
                    + " databases: give a single --db with it");
        }
        return families;
    }

    /** The target for {@code family}; throws {@link BadInputException} on inconsistent options. */
    TargetSpec spec(DbFamily family) {
        return spec(family, false);
    }

    /**
     * The target for {@code family}.
     *
     * @param pgVersionForPostgresOnly ignore {@code --pg-version} for other families (a command
     *                                 that runs several databases), instead of refusing it
     */
    TargetSpec spec(DbFamily family, boolean pgVersionForPostgresOnly) {
        int pg = 0;
        if (pgVersion != null && !(pgVersionForPostgresOnly && family != DbFamily.POSTGRES)) {
            if (family != DbFamily.POSTGRES) {
                throw new BadInputException("--pg-version applies to --db postgres only, not " + family.cliName()
                        + ": drop it");
            }
            if (pgVersion < 14 || pgVersion > 18) {
                throw new BadInputException("--pg-version " + pgVersion + " is not supported: use 14, 15, 16, 17"
                        + " or 18");
            }
            if (url != null) {
                throw new BadInputException("--pg-version picks the embedded server's version and cannot apply to"
                        + " --db-url: drop one of them");
            }
            pg = pgVersion;
        }
        if (url == null) {
            if (user != null || (password != null && !password.isEmpty() && isGiven())) {
                throw new BadInputException("--db-user and --db-password need --db-url: add the server's URL");
            }
            return new TargetSpec(family, null, null, null, pg, null);
        }
        checkUrlFamily(family, url);
        return new TargetSpec(family, url.trim(), user, password == null || password.isEmpty() ? null : password,
                0, Provision.URL);
    }

    /** Whether --db-password came from the command line (not only from the environment). */
    private boolean isGiven() {
        return !password.equals(System.getenv(PASSWORD_ENV));
    }

    /** Throws when {@code url} is not a JDBC URL the driver for {@code family} accepts. */
    static void checkUrlFamily(DbFamily family, String url) {
        String u = url.trim().toLowerCase(Locale.ROOT);
        String prefix = family == DbFamily.POSTGRES ? "jdbc:postgresql:" : "jdbc:mysql:";
        if (!u.startsWith(prefix)) {
            String example = family == DbFamily.POSTGRES
                    ? "jdbc:postgresql://HOST:5432/DB"
                    : "jdbc:mysql://HOST:3306/DB (MySQL Connector/J serves both mysql and mariadb)";
            String shown = Secrets.maskUrl(url.trim());
            throw new BadInputException("--db-url '" + shown + "' is not a " + family.cliName()
                    + " URL: use " + example + ", or change --db");
        }
    }
}
