package io.github.gocbench.frameworks.spring;

import java.util.Map;

/** The server's Hibernate settings as one bean (a bare {@code Map} parameter would be filled with beans by Spring). */
record HibernateSettings(Map<String, String> values) {
}
