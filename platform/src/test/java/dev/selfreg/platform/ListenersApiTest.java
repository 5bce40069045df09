package dev.selfreg.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code GET /api/listeners}: where a fleet or a module in another process finds the platform's listeners. */
class ListenersApiTest {

    @Test
    void listenersAreEveryListeningLineByNameWithItsAddress() throws Exception {
        try (RunningPlatform platform = RunningPlatform.start()) {
            JsonNode listeners = platform.api("/api/listeners");

            List<String> names = new ArrayList<>();
            listeners.fieldNames().forEachRemaining(names::add);
            assertThat(names).containsExactly("ct-coap", "ct-http", "dm", "web");
            for (String name : names) {
                assertThat(listeners.get(name).asText()).isEqualTo("127.0.0.1:" + platform.port(name));
            }
        }
    }
}
