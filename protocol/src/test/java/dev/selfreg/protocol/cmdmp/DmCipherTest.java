package dev.selfreg.protocol.cmdmp;

import static dev.selfreg.protocol.cmdmp.DmVectors.CIPHER;
import static dev.selfreg.protocol.cmdmp.DmVectors.ENC_4G;
import static dev.selfreg.protocol.cmdmp.DmVectors.ENC_MAC;
import static dev.selfreg.protocol.cmdmp.DmVectors.ENC_NULL;
import static dev.selfreg.protocol.cmdmp.DmVectors.MAC;
import static dev.selfreg.protocol.cmdmp.DmVectors.PASSWORD;
import static dev.selfreg.protocol.cmdmp.DmVectors.WRONG_CIPHER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DmCipherTest {

    @Test
    void encryptsNullLikeTheSpecVector() {
        assertThat(CIPHER.encrypt("NULL")).isEqualTo(ENC_NULL);
    }

    @Test
    void encrypts4gLikeTheSpecVector() {
        assertThat(CIPHER.encrypt("4G")).isEqualTo(ENC_4G);
    }

    @Test
    void encryptsAMacLikeTheSpecVector() {
        assertThat(CIPHER.encrypt(MAC)).isEqualTo(ENC_MAC);
    }

    @Test
    void decryptsTheSpecNullVector() throws DmDecryptException {
        assertThat(CIPHER.decrypt(ENC_NULL)).isEqualTo("NULL");
    }

    @Test
    void decryptsTheSpec4gVector() throws DmDecryptException {
        assertThat(CIPHER.decrypt(ENC_4G)).isEqualTo("4G");
    }

    @Test
    void decryptsTheSpecMacVector() throws DmDecryptException {
        assertThat(CIPHER.decrypt(ENC_MAC)).isEqualTo(MAC);
    }

    @Test
    void wrongPasswordFailsOnPadding() {
        assertThat(reasonOf(WRONG_CIPHER, ENC_MAC)).isEqualTo(DmDecryptException.Reason.BAD_PADDING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64", "E+9ivOa9WdOotKJwyRchBg", "E-9ivOa9WdOotKJwyRchBg==",
            "E+9ivOa9WdOotKJwyRchBg==\n"})
    void nonCanonicalBase64IsNotBase64(String ciphertext) {
        assertThat(reasonOf(CIPHER, ciphertext)).isEqualTo(DmDecryptException.Reason.NOT_BASE64);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "AAAA", "E+9ivOa9WdOotKJwyRchBgA="})
    void partialAesBlocksAreNotWholeBlocks(String ciphertext) {
        assertThat(reasonOf(CIPHER, ciphertext)).isEqualTo(DmDecryptException.Reason.NOT_WHOLE_BLOCKS);
    }

    @Test
    void plaintextThatIsNotUtf8IsNotUtf8() throws Exception {
        byte[] key = MessageDigest.getInstance("SHA-256").digest(PASSWORD.getBytes(StandardCharsets.UTF_8));
        Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
        String notUtf8 = Base64.getEncoder().encodeToString(aes.doFinal(new byte[] {(byte) 0xC3, 0x28}));

        assertThat(reasonOf(CIPHER, notUtf8)).isEqualTo(DmDecryptException.Reason.NOT_UTF8);
    }

    @Test
    void failureMessageNeverShowsThePassword() {
        DmDecryptException failure = catchThrowableOfType(DmDecryptException.class, () -> CIPHER.decrypt("AAAA"));

        assertThat(failure.getMessage()).doesNotContain(PASSWORD);
    }

    @Test
    void textWithoutUtf8FormIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> CIPHER.encrypt("lone \uDC00 surrogate"));
    }

    @Test
    void emptyPasswordIsAKeyLikeAnyOther() throws DmDecryptException {
        DmCipher empty = new DmCipher("");

        assertThat(empty.decrypt(empty.encrypt("4G"))).isEqualTo("4G");
        assertThat(empty.encrypt("4G")).isNotEqualTo(ENC_4G);
    }

    @Test
    void emptyModulePasswordEncryptsWithTheKeyOf32Zeros() {
        assertThat(DmCipher.ofModulePassword("").encrypt("869999000000001-****-460041234567890-v2.0"))
                .isEqualTo(DmVectors.EP_IDENTITY_EMPTY_PASSWORD);
    }

    @Test
    void aModulePasswordThatIsSetEncryptsWithItsOwnKey() {
        assertThat(DmCipher.ofModulePassword(DmVectors.PASSWORD).encrypt("4G")).isEqualTo(ENC_4G);
    }

    @Test
    void modulesWithOnePasswordShareOneCipherAndOtherPasswordsGetTheirOwn() {
        DmCipher first = DmCipher.ofModulePassword(DmVectors.PASSWORD);

        assertThat(DmCipher.ofModulePassword(DmVectors.PASSWORD)).isSameAs(first);
        assertThat(DmCipher.ofModulePassword(DmVectors.PASSWORD + "x")).isNotSameAs(first)
                .satisfies(other -> assertThat(other.encrypt("4G")).isNotEqualTo(ENC_4G));
    }

    @Test
    void theEmptyPasswordKeyIsTheHashOf32Zeros() {
        assertThat(DmCipher.EMPTY_PASSWORD_KEY.encrypt("4G")).isEqualTo(new DmCipher("0".repeat(32)).encrypt("4G"));
    }

    @Test
    void aValueThatFailsToDecryptLeavesTheNextOneOnTheSameThreadIntact() throws DmDecryptException {
        assertThat(reasonOf(CIPHER, WRONG_CIPHER.encrypt(MAC))).isEqualTo(DmDecryptException.Reason.BAD_PADDING);
        assertThat(CIPHER.decrypt(ENC_MAC)).isEqualTo(MAC);
        assertThat(CIPHER.encrypt("4G")).isEqualTo(ENC_4G);
    }

    @Test
    void oneCipherServesManyThreadsAtOnce() throws Exception {
        List<Callable<String>> roundTrips = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            String value = "value " + i;
            roundTrips.add(() -> CIPHER.decrypt(CIPHER.encrypt(value)));
        }
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<String> answers = new ArrayList<>();
            for (Future<String> answer : threads.invokeAll(roundTrips)) {
                answers.add(answer.get());
            }
            assertThat(answers).containsExactlyElementsOf(
                    IntStream.range(0, 64).mapToObj(i -> "value " + i).toList());
        } finally {
            threads.shutdown();
        }
    }

    private static DmDecryptException.Reason reasonOf(DmCipher cipher, String ciphertext) {
        return catchThrowableOfType(DmDecryptException.class, () -> cipher.decrypt(ciphertext)).reason();
    }
}
