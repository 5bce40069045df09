package dev.selfreg.nvram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NvramImageTest {

    private final NvramImage image = NvramImage.empty().with("apn", "cmnbiot").with("band", "8");

    @Test
    void withSetsOrReplacesOneSettingAndLeavesTheOriginalAlone() {
        NvramImage changed = image.with("band", "5").with("psm", "1");

        assertThat(changed.asMap()).containsExactly(
                Map.entry("apn", "cmnbiot"), Map.entry("band", "5"), Map.entry("psm", "1"));
        assertThat(image.get("band")).contains("8");
        assertThat(image.get("psm")).isEmpty();
    }

    @Test
    void withoutRemovesOneSetting() {
        assertThat(image.without("apn").asMap()).containsExactly(Map.entry("band", "8"));
        assertThat(image.without("absent")).isEqualTo(image);
    }

    @Test
    void withoutPrefixErasesAGroupOfSettings() {
        NvramImage withServer =
                image.with("lwm2m.host", "h").with("lwm2m.psk", "p").with("lwm2", "x");

        assertThat(withServer.withoutPrefix("lwm2m.")).isEqualTo(image.with("lwm2", "x"));
    }

    @Test
    void imagesWithTheSameSettingsAreEqual() {
        NvramImage sameInOtherOrder = NvramImage.of(Map.of("band", "8", "apn", "cmnbiot"));

        assertThat(sameInOtherOrder).isEqualTo(image).hasSameHashCodeAs(image);
        assertThat(image.with("band", "5")).isNotEqualTo(image);
    }

    @Test
    void toStringShowsKeysButNeverValues() {
        NvramImage secret = image.with("lwm2m.psk", "s3cr3t");

        assertThat(secret.toString()).contains("apn", "band", "lwm2m.psk")
                .doesNotContain("cmnbiot", "s3cr3t");
    }

    @Test
    void asMapCannotChangeTheImage() {
        assertThatThrownBy(() -> image.asMap().put("band", "5"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void settingsThatCannotBeStoredAreRejected() {
        assertThatThrownBy(() -> image.with("", "v")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> image.with("a\nb", "v"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> image.with("k", "broken \uD800 pair"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NvramImage.of(Map.of("k\uDC00", "v")))
                .isInstanceOf(IllegalArgumentException.class);
        String emoji = "\uD83D\uDE00";
        assertThat(image.with("k\r=\\", "v\n" + emoji).get("k\r=\\")).contains("v\n" + emoji);
    }
}
