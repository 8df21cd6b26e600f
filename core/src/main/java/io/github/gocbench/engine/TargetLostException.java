package io.github.gocbench.engine;

/** A worker's connection broke and no new one could be opened: the target is gone. */
final class TargetLostException extends Exception {
    TargetLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
