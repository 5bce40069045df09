package dev.selfreg.host;

import java.util.List;

/**
 * A module's answer to one command: its information lines (echo and unsolicited lines taken
 * out) and the final result.
 *
 * @param command the command as shown in reports ({@link AtRequest#shown()})
 * @param lines   information lines, in order
 * @param result  the final result code
 */
public record AtResult(String command, List<String> lines, FinalResult result) {

    public AtResult {
        lines = List.copyOf(lines);
    }

    public boolean isOk() {
        return result.isOk();
    }

    /** This result when it is {@code OK}; otherwise an {@link AtCommandException} naming the command. */
    public AtResult orThrow() {
        if (!isOk()) {
            throw new AtCommandException(this);
        }
        return this;
    }

    /**
     * The text after {@code prefix} of the only information line that starts with it, without
     * the space that follows the colon.
     */
    public String value(String prefix) {
        List<String> matching = lines.stream().filter(line -> line.startsWith(prefix)).toList();
        if (matching.size() != 1) {
            throw new AtResponseException(command, "expected one " + prefix + " line, got " + lines);
        }
        return matching.get(0).substring(prefix.length()).stripLeading();
    }

    /** The only information line. */
    public String singleLine() {
        if (lines.size() != 1) {
            throw new AtResponseException(command, "expected one line, got " + lines);
        }
        return lines.get(0);
    }
}
