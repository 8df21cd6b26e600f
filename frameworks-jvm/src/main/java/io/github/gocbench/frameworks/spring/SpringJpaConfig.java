package io.github.gocbench.frameworks.spring;

import jakarta.persistence.EntityManagerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/**
 * A plain Spring context (no Spring Boot) as an application would configure Spring Data JPA:
 * Hibernate as the JPA provider, a {@link JpaTransactionManager}, the repository, the service.
 * The server settings (dialect, version) come in as the bean {@link HibernateSettings}.
 */
@Configuration
@EnableJpaRepositories(basePackageClasses = SpringItemRepository.class)
@EnableTransactionManagement
class SpringJpaConfig {

    @Bean
    LocalContainerEntityManagerFactoryBean entityManagerFactory(CallConnections dataSource,
                                                                HibernateSettings hibernateSettings) {
        LocalContainerEntityManagerFactoryBean emf = new LocalContainerEntityManagerFactoryBean();
        emf.setDataSource(dataSource);
        emf.setManagedTypes(org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes.of(
                SpringItem.class.getName()));
        emf.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
        emf.setJpaPropertyMap(hibernateSettings.values());
        return emf;
    }

    @Bean
    PlatformTransactionManager transactionManager(EntityManagerFactory emf) {
        return new JpaTransactionManager(emf);
    }

    @Bean
    FindOrSave findOrSave(SpringItemRepository repo) {
        return new FindOrSave(repo);
    }
}
