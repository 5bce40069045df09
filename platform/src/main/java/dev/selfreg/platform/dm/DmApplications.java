package dev.selfreg.platform.dm;

import dev.selfreg.protocol.cmdmp.DmCipher;
import dev.selfreg.protocol.cmdmp.DmEndpointName;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The lab platform's table of CMDMP applications, APPkey to password (cmcc-dm-wire.md, "Lab platform checks"), as
 * given with {@code --dm-app APPKEY=PASSWORD}.
 *
 * <p>It keeps a {@link DmCipher} per APPkey (which holds the derived key only) and never the password itself: no
 * method, exception message or {@link #toString()} can show one. To keep a password that a misconfigured module puts
 * in its endpoint name out of the records too, it also keeps a salted digest of each password for
 * {@link #redact(String)}.
 */
public final class DmApplications {

    /** Salts the redaction digest so that it is not the AES key that {@link DmCipher} derives. */
    private static final byte[] REDACTION_SALT = "selfreg DM password redaction\0".getBytes(StandardCharsets.UTF_8);
    private static final String REDACTED = "****";
    private static final Pattern FIELDS = Pattern.compile(Pattern.quote(DmEndpointName.SEPARATOR));

    private final Map<String, DmCipher> ciphers;
    private final Set<String> passwordDigests;
    /** The passwords' lengths: only a field of one of these lengths can be a password, so only those are digested. */
    private final Set<Integer> passwordLengths;

    private DmApplications(Map<String, DmCipher> ciphers, Set<String> passwordDigests, Set<Integer> passwordLengths) {
        this.ciphers = ciphers;
        this.passwordDigests = passwordDigests;
        this.passwordLengths = passwordLengths;
    }

    /** No application: every APPkey is unknown. */
    public static DmApplications none() {
        return new DmApplications(Map.of(), Set.of(), Set.of());
    }

    /**
     * Reads {@code --dm-app} values. Each is split at its first {@code =}: the APPkey cannot hold one, the password
     * may.
     *
     * @param appKeyEqualsPassword one {@code APPKEY=PASSWORD} per application
     * @throws IllegalArgumentException for an entry without {@code =}, an empty APPkey or password, an APPkey given
     *     twice, or a password with no UTF-8 form; the message names the entry by position or APPkey, never by its
     *     text, which could be a password
     */
    public static DmApplications parse(List<String> appKeyEqualsPassword) {
        Map<String, DmCipher> ciphers = new LinkedHashMap<>();
        List<String> digests = new ArrayList<>();
        Set<Integer> lengths = new HashSet<>();
        int position = 0;
        for (String entry : appKeyEqualsPassword) {
            position++;
            int equals = entry.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("--dm-app entry " + position + " is not APPKEY=PASSWORD");
            }
            String appKey = entry.substring(0, equals);
            String password = entry.substring(equals + 1);
            if (appKey.isEmpty()) {
                throw new IllegalArgumentException("--dm-app entry " + position + " has an empty APPkey");
            }
            if (password.isEmpty()) {
                throw new IllegalArgumentException("--dm-app APPkey " + appKey + " has an empty password");
            }
            if (ciphers.containsKey(appKey)) {
                throw new IllegalArgumentException("--dm-app APPkey " + appKey + " is given twice");
            }
            try {
                ciphers.put(appKey, new DmCipher(password));
            } catch (IllegalArgumentException noUtf8) {
                // DmCipher's own message holds no password, but say which application it is.
                throw new IllegalArgumentException("--dm-app APPkey " + appKey + ": the password has no UTF-8 form");
            }
            digests.add(digest(password));
            lengths.add(password.length());
        }
        return new DmApplications(Collections.unmodifiableMap(ciphers), Set.copyOf(digests), Set.copyOf(lengths));
    }

    /** The cipher of a known application. */
    public Optional<DmCipher> cipher(String appKey) {
        return Optional.ofNullable(ciphers.get(appKey));
    }

    /** The known APPkeys, in the order given. */
    public Set<String> appKeys() {
        return ciphers.keySet();
    }

    /**
     * The text with every {@code @#@}-separated field that is one of the passwords replaced by {@code ****}; the
     * whole text is one field when it has no separator. A module configured with APPkey and password swapped sends
     * its password as a field of its endpoint name; this keeps it out of events and logs.
     */
    public String redact(String text) {
        if (passwordDigests.isEmpty()) {
            return text;
        }
        String[] fields = FIELDS.split(text, -1);
        boolean redacted = false;
        for (int i = 0; i < fields.length; i++) {
            if (passwordLengths.contains(fields[i].length()) && passwordDigests.contains(digest(fields[i]))) {
                fields[i] = REDACTED;
                redacted = true;
            }
        }
        return redacted ? String.join(DmEndpointName.SEPARATOR, fields) : text;
    }

    /** Lists the APPkeys only. */
    @Override
    public String toString() {
        return "DmApplications" + ciphers.keySet();
    }

    private static String digest(String text) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(REDACTION_SALT);
            return HexFormat.of().formatHex(sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JRE has SHA-256", impossible);
        }
    }
}
