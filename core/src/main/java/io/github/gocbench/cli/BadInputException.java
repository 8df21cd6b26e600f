package io.github.gocbench.cli;

/**
 * The user's input is wrong. Its message is one line that says what is wrong and what to do;
 * {@code goc} prints it and exits with {@link ExitCodes#BAD_INPUT}.
 */
public final class BadInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BadInputException(String oneLine) {
        super(oneLine);
    }
}
