package io.github.gocbench.results;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Which kind of workload a run was: a race (rounds of threads released together on fresh keys)
 * or a steady run (threads free-running for a duration). Results hold the kind, not the workload
 * itself ({@code engine.Workload} has the parameters); on disk and in every text it is its
 * {@link #id()}, {@code race} or {@code steady}.
 */
public enum WorkloadKind {
    RACE("race"),
    STEADY("steady");

    private final String id;

    WorkloadKind(String id) {
        this.id = id;
    }

    /** The word in JSON, CSV and text output: {@code race} or {@code steady}. */
    @JsonValue
    public String id() {
        return id;
    }

    /**
     * The kind named {@code id} as written by {@link #id()}.
     *
     * @throws IllegalArgumentException for any other text, naming it and the known ids
     */
    @JsonCreator
    public static WorkloadKind of(String id) {
        for (WorkloadKind k : values()) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown workload kind \"" + id + "\": expected race or steady");
    }
}
