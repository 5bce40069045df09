package dev.selfreg.nvram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemoryNvramStoreTest extends NvramStoreContract {

    @Override
    NvramStore newStore() {
        return new MemoryNvramStore();
    }

    @Test
    void storeStartsFromTheImageItIsGiven() {
        NvramImage image = NvramImage.empty().with("apn", "cmnbiot");

        assertThat(new MemoryNvramStore(image).image()).isEqualTo(image);
    }
}
