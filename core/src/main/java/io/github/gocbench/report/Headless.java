package io.github.gocbench.report;

/**
 * Puts AWT in headless mode before the first chart is drawn: the report is drawn on servers
 * and in CI, where there is no display, and AWT reads the property only once.
 */
final class Headless {

    private Headless() {
    }

    /** Sets {@code java.awt.headless=true} unless the user set it explicitly. */
    static void ensure() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }
}
