package io.github.gocbench.server;

import java.util.regex.Pattern;

/** Masks passwords in JDBC URLs and messages so they never reach output. */
public final class Secrets {

    private static final Pattern QUERY_PASSWORD =
            Pattern.compile("(?i)([?&;](?:password|pwd)=)[^&;]*");
    private static final Pattern USERINFO_PASSWORD =
            Pattern.compile("(//[^/:@?&]+:)[^@/]*@");

    private Secrets() {
    }

    /** The URL with any password replaced by {@code ****}; null stays null. */
    public static String maskUrl(String url) {
        if (url == null) {
            return null;
        }
        String masked = QUERY_PASSWORD.matcher(url).replaceAll("$1****");
        return USERINFO_PASSWORD.matcher(masked).replaceAll("$1****@");
    }

    /** {@code text} with every occurrence of {@code password} replaced by {@code ****}. */
    public static String mask(String text, String password) {
        if (text == null || password == null || password.isEmpty()) {
            return text;
        }
        return text.replace(password, "****");
    }
}
