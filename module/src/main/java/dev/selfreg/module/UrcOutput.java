package dev.selfreg.module;

/** Where a part of the module prints an unsolicited line ({@code +CEREG: 1}): the UART, to the host. */
@FunctionalInterface
public interface UrcOutput {

    /** Sends {@code line} to the host as an unsolicited result code. */
    void urc(String line);
}
