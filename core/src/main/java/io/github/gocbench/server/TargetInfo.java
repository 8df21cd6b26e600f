package io.github.gocbench.server;

import io.github.gocbench.dialect.DbFamily;
import java.util.Map;

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
}
