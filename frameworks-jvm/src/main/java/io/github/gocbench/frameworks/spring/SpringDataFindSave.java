package io.github.gocbench.frameworks.spring;

import io.github.gocbench.frameworks.Db;
import io.github.gocbench.frameworks.SqlErrors;
import io.github.gocbench.frameworks.Versions;
import io.github.gocbench.frameworks.hibernate.HibernateBoot;
import io.github.gocbench.spi.UserStrategy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Spring Data JPA's get-or-create as applications write it: a {@code @Transactional} service
 * method {@code repo.findByK(k).orElseGet(() -> repo.save(new Item(k)))} on a
 * {@code JpaRepository} (Hibernate underneath, IDENTITY id, so {@code save} INSERTs at once).
 * Statements: {@code BEGIN; SELECT ... WHERE k=?; INSERT ...; COMMIT}: the same race as
 * Hibernate's find-then-persist, the second caller's INSERT failing with the unique violation
 * (Spring's {@code DataIntegrityViolationException}, unwrapped here to the driver's SQLException).
 * The Spring context is built once per strategy instance by the first {@link #prepare}.
 */
public final class SpringDataFindSave implements UserStrategy {

    private final CallConnections connections = new CallConnections();
    private volatile AnnotationConfigApplicationContext context;

    /** The Spring Data JPA version on the classpath, e.g. {@code 4.1.2}. */
    static String springDataVersion() {
        String v = JpaRepository.class.getPackage().getImplementationVersion();
        return v == null ? "unknown" : v;
    }

    @Override
    public String description() {
        return "Spring Data JPA " + springDataVersion() + " (Hibernate ORM " + org.hibernate.Version.getVersionString()
                + "): @Transactional findByK(k).orElseGet(() -> save(new Item(k)))";
    }

    @Override
    public String id() {
        return "spring-data-jpa-" + Versions.majorMinor(springDataVersion()) + "-find-save";
    }

    @Override
    public void prepare(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(Db.of(connection).createKeyTable(SpringItem.TABLE));
        }
        if (context == null) {
            synchronized (this) {
                if (context == null) {
                    context = start(HibernateBoot.settings(connection));
                }
            }
        }
    }

    private AnnotationConfigApplicationContext start(Map<String, String> hibernateSettings) {
        AnnotationConfigApplicationContext ctx = new AnnotationConfigApplicationContext();
        ctx.registerBean(CallConnections.class, () -> connections);
        ctx.registerBean(HibernateSettings.class, () -> new HibernateSettings(hibernateSettings));
        ctx.register(SpringJpaConfig.class);
        ctx.refresh();
        return ctx;
    }

    @Override
    public Answer getOrCreate(Connection connection, long key) throws SQLException {
        try (CallConnections.Binding b = connections.bind(connection)) {
            return context.getBean(FindOrSave.class).getOrCreate(key);
        } catch (RuntimeException e) {
            throw SqlErrors.unwrap(e);
        }
    }
}
