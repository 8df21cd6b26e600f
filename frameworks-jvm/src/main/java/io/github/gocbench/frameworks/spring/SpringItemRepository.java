package io.github.gocbench.frameworks.spring;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** The repository an application declares; Spring Data derives {@code findByK}'s query from its name. */
public interface SpringItemRepository extends JpaRepository<SpringItem, Long> {

    /** The row of natural key {@code k}. */
    Optional<SpringItem> findByK(long k);
}
