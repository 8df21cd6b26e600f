package io.github.gocbench.server;

import io.github.gocbench.dialect.DbFamily;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a result records about the server it ran against.
 *
 * @param family    postgres, mariadb or mysql
 * @param product   server product as it reports itself, e.g. "PostgreSQL" or "MariaDB"
 * @param version   server version string
 * @param provision how the server was provided
 * @param url       JDBC URL with any password masked
 * @param settings  settings that change the answer (isolation default, fsync, ...)
 */
public record TargetInfo(DbFamily family, String product, String version, Provision provision, String url,
                         Map<String, String> settings) {

    private static final Pattern LEADING_VERSION = Pattern.compile("^\\d+(\\.\\d+)*");

    /**
     * The leading dotted number of a version string ("10.11.19-MariaDB-0+deb12u1" → "10.11.19"),
     * as labels, folder names and grids show a server; the whole (trimmed) string when it has no
     * leading number, "?" when there is none.
     */
    public static String shortVersion(String version) {
        if (version == null) {
            return "?";
        }
        Matcher m = LEADING_VERSION.matcher(version.trim());
        return m.find() ? m.group() : version.trim();
    }
}
