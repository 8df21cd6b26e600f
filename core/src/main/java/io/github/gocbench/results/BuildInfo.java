package io.github.gocbench.results;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Which build of goc-bench is running: the release version from the jar manifest and the git
 * revision the build was made from ({@code git.properties}, written by the build). Every results
 * document and {@code goc --version} carry it, so a published number names the code that made it.
 *
 * @param version  the Maven version, "dev" when running from classes without a manifest
 * @param revision the abbreviated git commit id, "unknown" when built outside a git checkout
 * @param dirty    whether the working tree had uncommitted changes when it was built
 */
public record BuildInfo(String version, String revision, boolean dirty) {

    private static final BuildInfo CURRENT = read();

    /** The build this code is part of. */
    public static BuildInfo current() {
        return CURRENT;
    }

    /**
     * One word naming the build, semver style: {@code 0.1.0-SNAPSHOT+3ae08a8}, with
     * {@code .dirty} appended when built from uncommitted changes.
     */
    public String label() {
        if ("unknown".equals(revision)) {
            return version;
        }
        return version + "+" + revision + (dirty ? ".dirty" : "");
    }

    private static BuildInfo read() {
        String v = BuildInfo.class.getPackage().getImplementationVersion();
        Properties git = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/io/github/gocbench/git.properties")) {
            if (in != null) {
                git.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read git.properties from the goc jar", e);
        }
        String rev = git.getProperty("git.commit.id.abbrev", "");
        return new BuildInfo(v == null ? "dev" : v, rev.isBlank() ? "unknown" : rev,
                Boolean.parseBoolean(git.getProperty("git.dirty", "false")));
    }
}
