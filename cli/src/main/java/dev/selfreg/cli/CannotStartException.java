package dev.selfreg.cli;

/** A command cannot start because a resource it needs is taken: its message is the one line the user sees (exit 69). */
final class CannotStartException extends RuntimeException {

    CannotStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
