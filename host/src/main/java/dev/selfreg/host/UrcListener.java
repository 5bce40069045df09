package dev.selfreg.host;

/**
 * Receives unsolicited lines: {@code RDY}, {@code +QATWAKEUP}, {@code +CEREG: <stat>}, and any
 * line that is not part of the answer to a command. Called on the channel's own dispatch
 * thread, one line at a time, in arrival order; a listener may send commands.
 */
@FunctionalInterface
public interface UrcListener {

    void unsolicited(String line);
}
