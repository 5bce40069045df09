package dev.selfreg.protocol.cmdmp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.vocabulary.TerminalType;
import java.util.Set;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;

class DmProperties {

    @Property
    void decryptInvertsEncryptForAnyTextAndPassword(@ForAll("text") String plaintext, @ForAll("text") String password)
            throws DmDecryptException {
        DmCipher cipher = new DmCipher(password);

        assertThat(cipher.decrypt(cipher.encrypt(plaintext))).isEqualTo(plaintext);
    }

    @Property
    void decryptingArbitraryTextNeverThrowsAnythingButDmDecryptException(@ForAll String ciphertext) {
        try {
            DmVectors.CIPHER.decrypt(ciphertext);
        } catch (DmDecryptException expected) {
            assertThat(expected.reason()).isNotNull();
        }
    }

    @Property
    void parsingArbitraryEndpointTextNeverThrows(@ForAll String text) {
        assertThat(DmEndpointName.parse(text)).isNotNull();
    }

    @Property
    void parsingArbitraryFieldsJoinedBySeparatorNeverThrows(@ForAll @Size(max = 7) String[] fields) {
        assertThat(DmEndpointName.parse(String.join(DmEndpointName.SEPARATOR, fields))).isNotNull();
    }

    @Property
    void builtEndpointNameParsesBackAndVerifiesItsIdentity(
            @ForAll TerminalType type,
            @ForAll("imeis") String imei,
            @ForAll("imsis") String imsi,
            @ForAll("appKeys") String appKey,
            @ForAll("text") String password) {
        DmCipher cipher = new DmCipher(password);
        DmEndpointName name = DmEndpointName.build(type, imei, imsi, appKey, cipher);

        assertThat(DmEndpointName.parse(name.text())).isEqualTo(new DmEndpointName.Parsed(name));
        assertThat(name.verify(cipher)).isEqualTo(new DmIdentityCheck.Verified(imei, imsi));
    }

    @Property
    void builtShortFormEpiVerifiesItsIdentity(@ForAll("imeis") String imei, @ForAll("imsis") String imsi,
            @ForAll("text") String password) {
        DmCipher cipher = new DmCipher(password);

        assertThat(DmEpi.shortForm(imei, imsi, cipher).verify(cipher, imei))
                .isEqualTo(new DmIdentityCheck.Verified(imei, imsi, DmDialect.of(DmDialect.Feature.EPI_SHORT)));
    }

    @Property
    void builtFullFormEpiVerifiesItsIdentity(@ForAll TerminalType type, @ForAll("imeis") String imei,
            @ForAll("imsis") String imsi, @ForAll("appKeys") String appKey, @ForAll("text") String password) {
        DmCipher cipher = new DmCipher(password);

        assertThat(DmEpi.fullForm(type, imei, imsi, appKey, cipher).verify(cipher, imei))
                .isEqualTo(new DmIdentityCheck.Verified(imei, imsi, DmDialect.of(DmDialect.Feature.EPI_FULL)));
    }

    @Property
    void anyDialectCodeParsesBack(@ForAll Set<DmDialect.Feature> features) {
        DmDialect dialect = new DmDialect(features);

        assertThat(DmDialect.parse(dialect.code())).contains(dialect);
    }

    @Property
    void queryOptionTextParsesBackForAnyKeyWithoutEquals(@ForAll("keys") String key, @ForAll String value) {
        UriQueryOption option = new UriQueryOption(key, value);

        assertThat(UriQueryOption.parse(option.text())).isEqualTo(option);
    }

    @Provide
    Arbitrary<String> imeis() {
        return Arbitraries.strings().numeric().ofMinLength(15).ofMaxLength(17);
    }

    @Provide
    Arbitrary<String> imsis() {
        return Arbitraries.strings().numeric().ofLength(15);
    }

    @Provide
    /**
     * APPkeys that travel intact between separators. One that begins or ends with {@code @#}
     * forms a separator with its neighbour ({@code ...@#@@#@#@...}): a real module sends it all
     * the same and the platform rightly finds the name malformed, so it is no case for this property.
     */
    Arbitrary<String> appKeys() {
        return text().filter(key -> !key.isEmpty() && travelsIntact(key));
    }

    private static boolean travelsIntact(String appKey) {
        String[] fields = String.join(DmEndpointName.SEPARATOR, "I", "AAAA", appKey, "869999000000001", "v2.0")
                .split(Pattern.quote(DmEndpointName.SEPARATOR), -1);
        return fields.length == 5 && fields[2].equals(appKey);
    }

    @Provide
    Arbitrary<String> keys() {
        return Arbitraries.strings().filter(key -> key.indexOf('=') < 0);
    }

    /** Well-formed text of up to 40 code points, ASCII-heavy but reaching every plane. */
    @Provide
    Arbitrary<String> text() {
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(0, 0x7F)),
                Tuple.of(1, Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
                        .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)));
        return codePoint.list().ofMaxSize(40)
                .map(cps -> new String(cps.stream().mapToInt(Integer::intValue).toArray(), 0, cps.size()));
    }
}
