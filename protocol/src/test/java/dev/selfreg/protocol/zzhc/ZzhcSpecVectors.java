package dev.selfreg.protocol.zzhc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The dialect test vectors of ct-zzhc-wire.md, read from the spec itself (its {@code vectors} block), so that the
 * tests check exactly what the spec prints. Shared with the platform's tests through the protocol's test jar.
 *
 * @param name      the vector's name in the spec
 * @param transport how a client sends it
 * @param dialect   the dialect code the platform must record
 * @param base64    the body as sent
 */
public record ZzhcSpecVectors(String name, ZzhcTransport transport, String dialect, String base64) {

    private static final String SPEC = "docs/spec/ct-zzhc-wire.md";
    private static final String BLOCK_START = "```vectors";
    private static final String BLOCK_END = "```";

    /** Every vector of the spec, in its order. */
    public static List<ZzhcSpecVectors> all() {
        List<ZzhcSpecVectors> vectors = new ArrayList<>();
        boolean inBlock = false;
        for (String line : specLines()) {
            if (line.equals(BLOCK_START)) {
                inBlock = true;
            } else if (inBlock && line.equals(BLOCK_END)) {
                inBlock = false;
            } else if (inBlock) {
                String[] fields = line.split(" ");
                vectors.add(new ZzhcSpecVectors(fields[0], ZzhcTransport.ofWireName(fields[1]).orElseThrow(),
                        fields[2], fields[3]));
            }
        }
        if (vectors.isEmpty()) {
            throw new IllegalStateException("no vectors block in " + SPEC);
        }
        return vectors;
    }

    /** The vector called {@code name}. */
    public static ZzhcSpecVectors named(String name) {
        return all().stream().filter(v -> v.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no vector " + name + " in " + SPEC));
    }

    /** The body as ASCII bytes. */
    public byte[] body() {
        return base64.getBytes(StandardCharsets.US_ASCII);
    }

    /** The JSON the Base64 holds, without a trailing NUL. */
    public String json() {
        String text = new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        return text.endsWith("\0") ? text.substring(0, text.length() - 1) : text;
    }

    @Override
    public String toString() {
        return name;
    }

    /** The spec's lines, found from the working directory of any module of the build. */
    private static List<String> specLines() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve(SPEC))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(SPEC + " not found above " + Path.of("").toAbsolutePath());
        }
        try {
            return Files.readAllLines(dir.resolve(SPEC), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
