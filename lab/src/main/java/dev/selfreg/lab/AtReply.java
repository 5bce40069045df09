package dev.selfreg.lab;

import java.util.List;

/**
 * What a module sent while answering one command line, echo removed: the command's answer, its last line the final
 * result code, and apart from it the unsolicited lines that came meanwhile ({@code +QNBIOTEVENT: "EXIT DEEPSLEEP"}
 * when the line woke the module, {@code RDY}, {@code +CFUN: 1} and {@code +CPIN: READY} after {@code AT+QRST=1}). They
 * are told apart as the host's AT channel tells them apart: a known unsolicited result code, or a boot's line after
 * its {@code RDY} ({@code dev.selfreg.host.UnsolicitedLines}), never joins an answer.
 *
 * @param lines       the answer
 * @param unsolicited the unsolicited lines, in the order they came
 */
public record AtReply(List<String> lines, List<String> unsolicited) {

    public AtReply {
        lines = List.copyOf(lines);
        unsolicited = List.copyOf(unsolicited);
    }

    /** The final result code: {@code OK}, {@code ERROR} or {@code +CME ERROR: <n>}; empty if none came. */
    public String finalResult() {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (isFinalResult(lines.get(i))) {
                return lines.get(i);
            }
        }
        return "";
    }

    /** Whether {@code line} ends a command's answer. */
    public static boolean isFinalResult(String line) {
        return line.equals("OK") || line.equals("ERROR") || line.startsWith("+CME ERROR:");
    }

    public boolean isOk() {
        return finalResult().equals("OK");
    }

    /** The answer's lines joined with {@code " / "}; the unsolicited lines are not part of it. */
    @Override
    public String toString() {
        return String.join(" / ", lines);
    }
}
