package dev.selfreg.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * What the secrecy tests share: the log output of a run, captured, and the scan of a text for a password. AT shows at
 * most four of a password's characters, so only the whole password, or any eight characters of it in a row (but for
 * runs of digits only, which every IMSI and ICCID has), in plain text, hex or Base64, counts as a leak.
 */
public final class SecretScan {

    private SecretScan() {
    }

    /** The password, or eight of its characters in a row, in any plausible encoding, nowhere in {@code text}. */
    public static void assertNoLeak(String password, String where, String text) {
        byte[] bytes = password.getBytes(StandardCharsets.US_ASCII);
        List<String> forms = new ArrayList<>(List.of(password, HexFormat.of().formatHex(bytes),
                HexFormat.of().withUpperCase().formatHex(bytes), Base64.getEncoder().encodeToString(bytes),
                Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)));
        for (int start = 0; start + 8 <= password.length(); start++) {
            String run = password.substring(start, start + 8);
            // eight digits in a row are in every IMSI and ICCID; a run with letters is the password's
            if (!run.matches("\\d+")) {
                forms.add(run);
            }
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String form : forms) {
            assertThat(form.matches("[0-9A-F]+") ? lower.contains(form.toLowerCase(Locale.ROOT)) : text.contains(form))
                    .as(where + " shows the password as " + form).isFalse();
        }
    }

    /**
     * The log output from now until {@link #close()}: slf4j-simple writes each line to whatever {@code System.err}
     * is at the time, so {@code System.err} writes to both the real one and this capture meanwhile.
     */
    public static final class LogCapture implements AutoCloseable {
        private final PrintStream stderr = System.err;
        private final ByteArrayOutputStream logged = new ByteArrayOutputStream();

        /** Starts capturing. */
        public LogCapture() {
            System.setErr(new PrintStream(new Tee(stderr, logged), true, StandardCharsets.UTF_8));
        }

        /** What was logged so far. */
        public String text() {
            synchronized (logged) {
                return logged.toString(StandardCharsets.UTF_8);
            }
        }

        /** Gives {@code System.err} back. */
        @Override
        public void close() {
            System.setErr(stderr);
        }
    }

    /** Writes to two streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final ByteArrayOutputStream second;

        Tee(OutputStream first, ByteArrayOutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            synchronized (second) {
                first.write(b);
                second.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            synchronized (second) {
                first.write(bytes, offset, length);
                second.write(bytes, offset, length);
            }
        }

        @Override
        public void flush() throws IOException {
            first.flush();
        }
    }
}
