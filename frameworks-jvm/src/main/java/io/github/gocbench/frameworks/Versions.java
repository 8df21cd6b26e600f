package io.github.gocbench.frameworks;

/** The version of a library as its jar reports it, and its {@code major.minor} for strategy ids. */
public final class Versions {

    private Versions() {
    }

    /** {@code 7.4.15.Final} -> {@code 7.4}. */
    public static String majorMinor(String version) {
        String[] parts = version.split("\\.");
        return parts.length < 2 ? version : parts[0] + "." + parts[1];
    }
}
