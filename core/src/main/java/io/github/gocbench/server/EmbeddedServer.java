package io.github.gocbench.server;

/** A database server this JVM started; shared by every target opened on it. */
interface EmbeddedServer {

    /** Opens a target handle on this server (probes it once). */
    Target target() throws TargetUnavailableException;

    /** Stops the server and waits (bounded) for it to exit. Called once, at JVM exit. */
    void stop();
}
