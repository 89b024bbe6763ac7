package dev.kafkalab.cli;

/** Input the command cannot use (exit code 1); the message says where and why. */
final class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidInputException(String message) {
        super(message, null, false, false);
    }
}
