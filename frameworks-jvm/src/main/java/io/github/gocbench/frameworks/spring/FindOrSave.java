package io.github.gocbench.frameworks.spring;

import io.github.gocbench.spi.UserStrategy.Answer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.transaction.annotation.Transactional;

/**
 * The application's service method, as the issue quotes it:
 * {@code repo.findByK(k).orElseGet(() -> repo.save(new Item(k)))} inside {@code @Transactional}
 * (Spring's proxy opens the transaction, the repository's own {@code @Transactional} joins it).
 */
public class FindOrSave {

    private final SpringItemRepository repo;

    public FindOrSave(SpringItemRepository repo) {
        this.repo = repo;
    }

    /** Finds the row of {@code k}, saving a new one when there is none; created when this call saved it. */
    @Transactional
    public Answer getOrCreate(long k) {
        AtomicBoolean saved = new AtomicBoolean();
        SpringItem item = repo.findByK(k).orElseGet(() -> {
            saved.set(true);
            return repo.save(new SpringItem(k));
        });
        return new Answer(item.getId(), saved.get());
    }
}
