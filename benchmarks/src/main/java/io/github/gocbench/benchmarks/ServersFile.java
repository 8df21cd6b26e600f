package io.github.gocbench.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.gocbench.server.TargetInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

/**
 * A JSON file beside a JMH result ({@code results/jmh/<run>-servers.json}) recording the servers
 * the run used: product, version, provision, masked URL and the settings that change the answer
 * (durability above all: {@code fsync}, {@code synchronous_commit},
 * {@code innodb_flush_log_at_trx_commit}). JMH's own JSON only has room for parameters, so this
 * is where a result's server is described. One entry per {@code db/provision/durable}; JMH forks
 * run one after another, so read-merge-write is safe; the last trial's values win.
 */
final class ServersFile {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ServersFile() {
    }

    /** Adds or replaces the entry {@code key} with {@code info}. */
    static synchronized void record(Path file, String key, TargetInfo info) throws IOException {
        ObjectNode root = Files.exists(file) && Files.size(file) > 0
                ? (ObjectNode) JSON.readTree(file.toFile())
                : JSON.createObjectNode();
        ObjectNode entry = root.putObject(key);
        entry.put("family", info.family().cliName());
        entry.put("product", info.product());
        entry.put("version", info.version());
        entry.put("provision", info.provision().cliName());
        entry.put("url", info.url());
        entry.set("settings", JSON.valueToTree(info.settings()));
        entry.put("recordedAt", Instant.now().toString());
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        JSON.writeValue(tmp.toFile(), root);
        // createTempFile makes it owner-only; results are for everyone to read
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
