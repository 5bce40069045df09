package dev.selfreg.checks;

/** A product file that cannot be read as a declaration; the message names the file, the line and what is wrong. */
public final class ProductFileException extends RuntimeException {

    ProductFileException(String message) {
        super(message);
    }
}
