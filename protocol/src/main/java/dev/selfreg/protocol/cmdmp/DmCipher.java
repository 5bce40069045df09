package dev.selfreg.protocol.cmdmp;

import dev.selfreg.protocol.WireBase64;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The DM 2.0 value cipher (cmcc-dm-wire.md, "Endpoint name"): AES-256-CBC with key = SHA-256 of the UTF-8
 * password, a zero IV and PKCS#7 padding, carried as standard padded Base64.
 *
 * <p>The zero IV makes encryption deterministic, which the protocol relies on (the same identity always yields the
 * same endpoint name). Immutable and thread-safe; keeps the derived key only, never the password.
 */
public final class DmCipher {
    // Spec: "AES-256-CBC, key = SHA-256 of the UTF-8 password (32 raw bytes), IV = 16 zero bytes, PKCS#7".
    // The JCA name PKCS5Padding is PKCS#7 for AES's 16-byte blocks.
    private static final String TRANSFORMATION = "AES/CBC/PKCS5Padding";
    static final int BLOCK_BYTES = 16;
    private static final IvParameterSpec ZERO_IV = new IvParameterSpec(new byte[BLOCK_BYTES]);

    /**
     * What a client hashes in place of an empty password: 32 × {@code 0} (cmcc-dm-wire.md, "Endpoint name", the
     * "empty-password key" dialect of XinYi CIS {@code prv_dm_encode}, which the emulated BC260Y-CN follows).
     */
    public static final String EMPTY_PASSWORD_STAND_IN = "0".repeat(32);

    /** The cipher of the empty-password key, which a platform tries when a value does not decrypt. */
    public static final DmCipher EMPTY_PASSWORD_KEY = new DmCipher(EMPTY_PASSWORD_STAND_IN);

    /** How many modules' keys {@link #ofModulePassword} keeps ciphers for: a fleet's modules mostly share one. */
    private static final int CIPHERS_KEPT = 16;
    /** The ciphers {@link #ofModulePassword} made, by derived key, the least recently used dropped first. */
    private static final Map<ByteBuffer, DmCipher> BY_KEY = new LinkedHashMap<>(CIPHERS_KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, DmCipher> eldest) {
            return size() > CIPHERS_KEPT;
        }
    };

    private final SecretKeySpec key;
    /**
     * Cipher objects are stateful and not thread-safe, and looking one up is slow: each thread keeps one per mode,
     * initialised once (with the zero IV, {@code doFinal} leaves it ready for the next value).
     */
    private final ThreadLocal<Cipher> encryptor = ThreadLocal.withInitial(() -> initialised(Cipher.ENCRYPT_MODE));
    private final ThreadLocal<Cipher> decryptor = ThreadLocal.withInitial(() -> initialised(Cipher.DECRYPT_MODE));

    /**
     * @param password the application's password (the APPkey's secret)
     * @throws IllegalArgumentException when the password is not well-formed UTF-16 and so has no UTF-8 form
     */
    public DmCipher(String password) {
        this(sha256(utf8(password)));
    }

    private DmCipher(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /**
     * The cipher a module configured with {@code password} encrypts with: the password's own key, or
     * {@link #EMPTY_PASSWORD_KEY} when the password is empty.
     *
     * @throws IllegalArgumentException when the password is not well-formed UTF-16 and so has no UTF-8 form
     */
    public static DmCipher ofModulePassword(String password) {
        if (password.isEmpty()) {
            return EMPTY_PASSWORD_KEY;
        }
        // one cipher per key, not per message: a new one would look up and initialise its Cipher objects again
        byte[] key = sha256(utf8(password));
        synchronized (BY_KEY) {
            return BY_KEY.computeIfAbsent(ByteBuffer.wrap(key), derived -> new DmCipher(key));
        }
    }

    /**
     * Encrypts a value for the wire.
     *
     * @throws IllegalArgumentException when the text is not well-formed UTF-16 and so has no UTF-8 form
     */
    public String encrypt(String plaintext) {
        try {
            return WireBase64.encode(encryptor.get().doFinal(utf8(plaintext)));
        } catch (GeneralSecurityException impossible) {
            encryptor.remove();
            throw new IllegalStateException("AES encryption failed", impossible);
        }
    }

    /**
     * Decrypts a value from the wire.
     *
     * @throws DmDecryptException when the value is not Base64, not whole AES blocks, has wrong padding (usually the
     *     wrong password) or does not decrypt to UTF-8
     */
    public String decrypt(String ciphertext) throws DmDecryptException {
        Optional<byte[]> bytes = WireBase64.decode(ciphertext);
        if (bytes.isEmpty()) {
            throw new DmDecryptException(DmDecryptException.Reason.NOT_BASE64, "not standard padded Base64");
        }
        int length = bytes.get().length;
        if (length == 0 || length % BLOCK_BYTES != 0) {
            throw new DmDecryptException(DmDecryptException.Reason.NOT_WHOLE_BLOCKS,
                    length + " bytes is not a whole number of AES blocks");
        }
        byte[] plain;
        try {
            plain = decryptor.get().doFinal(bytes.get());
        } catch (BadPaddingException e) {
            // a failed doFinal need not leave the cipher ready for the next value: start afresh
            decryptor.remove();
            throw new DmDecryptException(DmDecryptException.Reason.BAD_PADDING,
                    "bad padding: wrong password or corrupted value");
        } catch (GeneralSecurityException impossible) {
            decryptor.remove();
            throw new IllegalStateException("AES decryption failed", impossible);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(plain))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new DmDecryptException(DmDecryptException.Reason.NOT_UTF8,
                    "plaintext is not UTF-8: wrong password or corrupted value");
        }
    }

    private Cipher initialised(int mode) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(mode, key, ZERO_IV);
            return cipher;
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("every JRE has " + TRANSFORMATION, impossible);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JRE has SHA-256", impossible);
        }
    }

    private static byte[] utf8(String text) {
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            // String.getBytes would silently turn a lone surrogate into '?', changing the value.
            throw new IllegalArgumentException("not well-formed UTF-16, has no UTF-8 form", e);
        }
    }
}
