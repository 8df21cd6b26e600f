/**
 * Get-or-create through real JVM frameworks (Hibernate ORM, jOOQ), each as a goc
 * {@link io.github.gocbench.spi.UserStrategy} on its own table: {@code goc race --strategy-class
 * io.github.gocbench.frameworks.hibernate.HibernateFindPersist --classpath
 * frameworks-jvm/target/goc-frameworks-jvm.jar:frameworks-jvm/target/lib/*}. Errors the libraries
 * wrap are unwrapped to the driver's {@link java.sql.SQLException}, so goc classifies them by
 * SQLState like any strategy's.
 */
package io.github.gocbench.frameworks;
