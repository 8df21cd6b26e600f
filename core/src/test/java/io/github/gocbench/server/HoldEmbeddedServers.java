package io.github.gocbench.server;

import io.github.gocbench.dialect.DbFamily;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * Child-JVM program for {@link EmbeddedServersSignalIT}: starts both embedded servers, prints
 * this JVM's folder, the server pids and {@code READY}, then holds them until killed (or for
 * at most five minutes, so a forgotten child cannot linger). With {@code -Dhold.return=true} it
 * stops them through {@link Targets#stopEmbeddedServers()} and returns from {@code main} instead.
 */
public final class HoldEmbeddedServers {

    private HoldEmbeddedServers() {
    }

    public static void main(String[] args) throws Exception {
        Target pg = Targets.open(TargetSpec.of(DbFamily.POSTGRES));
        Target mariadb = Targets.open(TargetSpec.of(DbFamily.MARIADB));
        System.out.println("DIR " + EmbeddedServers.jvmDir());
        System.out.println("DURABLE " + pg.info().settings().get("durable"));
        try (Connection c = pg.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW fsync")) {
            rs.next();
            System.out.println("FSYNC " + rs.getString(1));
        }
        System.out.println("MARIADB " + mariadb.info().version());
        for (ProcessHandle p : ServerProcesses.mentioning(EmbeddedServers.jvmDir())) {
            System.out.println("SERVER " + p.pid() + " " + ServerProcesses.commandLine(p));
        }
        System.out.println("READY");
        System.out.flush();
        if (Boolean.getBoolean("hold.return")) {
            Targets.stopEmbeddedServers();
            return; // no System.exit: the JVM must end on its own
        }
        TimeUnit.MINUTES.sleep(5);
    }
}
