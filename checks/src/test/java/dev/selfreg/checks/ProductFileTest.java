package dev.selfreg.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.selfreg.vocabulary.TerminalInfoField;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProductFileTest {

    @Test
    void theDocumentedExampleDeclaresEverything() {
        Product product = ProductFile.read(Path.of("../examples/product.yaml"));

        assertThat(product.vendorCode()).hasValue("SRL");
        assertThat(product.model()).hasValue("M1");
        assertThat(product.swver()).hasValue("BC260YCNAAR01A04");
        assertThat(product.retryProfile()).isEqualTo(RetryProfile.NB_IOT);
        assertThat(product.appKey()).hasValue("M100000000");
        assertThat(product.updatePeriod()).hasValue(86400);
        assertThat(product.requiredTerminalInfo()).contains(TerminalInfoField.MAC, TerminalInfoField.SW_VER);
        assertThat(product.expectedTerminalInfo()).containsEntry(TerminalInfoField.SW_NAME, "selfreg-meter");
    }

    @Test
    void everyKeyIsOptionalAndTheRetryProfileIsNbIot() {
        Product product = ProductFile.parse("name: bare\n", "bare.yaml");

        assertThat(product.name()).isEqualTo("bare");
        assertThat(product.swver()).isEmpty();
        assertThat(product.retryProfile()).isEqualTo(RetryProfile.NB_IOT);
    }

    @Test
    void anUnknownKeyIsAnErrorNamingTheFileAndLine() {
        assertThatThrownBy(() -> ProductFile.parse("name: m\ncmdmp:\n  appkey: M1\n  update-periode: 300\n", "p.yaml"))
                .isInstanceOf(ProductFileException.class)
                .hasMessage("p.yaml:4: unknown key 'update-periode' in cmdmp (use appkey, update-period, terminal-info)");
    }

    @Test
    void anUnknownObject666ValueIsAnErrorNamingTheLine() {
        assertThatThrownBy(() -> ProductFile.parse("cmdmp:\n  terminal-info:\n    required: [MAC, colour]\n", "p.yaml"))
                .isInstanceOf(ProductFileException.class)
                .hasMessageStartingWith("p.yaml:3: object 666 has no value 'colour' (use APPInfo, MAC,");
    }

    @Test
    void aVendorCodeLongerThanThreeCharactersIsAnError() {
        assertThatThrownBy(() -> ProductFile.parse("vendor-code: Quectel\n", "p.yaml"))
                .hasMessageStartingWith("p.yaml:1: vendor-code is China Telecom's code for the vendor");
    }

    @Test
    void aPeriodThatIsNoNumberIsAnError() {
        assertThatThrownBy(() -> ProductFile.parse("cmdmp:\n  update-period: 24h\n", "p.yaml"))
                .hasMessageStartingWith("p.yaml:2: update-period is a whole number of seconds");
    }

    @Test
    void aRepeatedKeyIsAnError() {
        assertThatThrownBy(() -> ProductFile.parse("swver: A\nswver: B\n", "p.yaml"))
                .hasMessage("p.yaml:2: 'swver' is given twice in the product file");
    }

    @Test
    void brokenYamlIsAnErrorNamingTheLine() {
        assertThatThrownBy(() -> ProductFile.parse("name: [unclosed\n", "p.yaml"))
                .hasMessageStartingWith("p.yaml:2: not YAML");
    }

    @Test
    void aMissingFileIsAnError() {
        assertThatThrownBy(() -> ProductFile.read(Path.of("no-such-product.yaml")))
                .hasMessage("no-such-product.yaml: no such product file");
    }
}
