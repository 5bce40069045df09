package dev.selfreg.checks;

import dev.selfreg.vocabulary.TerminalInfoField;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What a device is meant to be (certification-checks.md, "The product declaration"), as a product file declares it.
 * A rule that needs something not declared says "not observed" and names what is missing.
 *
 * @param name how reports name the product
 * @param source where the declaration came from (the file), for messages
 * @param vendorCode China Telecom's code for the vendor, at most 3 characters (CT-3)
 * @param model the model after the vendor code in {@code MODEL} (CT-3)
 * @param swver {@code SWVER} as filed with the carrier (CT-4)
 * @param retryProfile China Telecom attempts per boot (CT-8)
 * @param appKey the CMDMP application's APPkey (DM-2)
 * @param updatePeriod the CMDMP update period in seconds (DM-3, DM-4, DM-7)
 * @param requiredTerminalInfo object 666 values that must be set (DM-5)
 * @param expectedTerminalInfo object 666 values that must read exactly so (DM-5)
 */
public record Product(String name, String source, Optional<String> vendorCode, Optional<String> model,
                      Optional<String> swver, RetryProfile retryProfile, Optional<String> appKey,
                      OptionalLong updatePeriod, Set<TerminalInfoField> requiredTerminalInfo,
                      Map<TerminalInfoField, String> expectedTerminalInfo) {

    /** Nothing declared: the rules judge what needs no declaration; CT-8 takes the NB-IoT profile. */
    public static final Product UNDECLARED = new Product("undeclared product", "no product declaration",
            Optional.empty(), Optional.empty(), Optional.empty(), RetryProfile.NB_IOT, Optional.empty(),
            OptionalLong.empty(), Set.of(), Map.of());

    /** Requires every component; freezes the sets. */
    public Product {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(vendorCode, "vendorCode");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(swver, "swver");
        Objects.requireNonNull(retryProfile, "retryProfile");
        Objects.requireNonNull(appKey, "appKey");
        Objects.requireNonNull(updatePeriod, "updatePeriod");
        requiredTerminalInfo = Set.copyOf(requiredTerminalInfo);
        expectedTerminalInfo = Map.copyOf(expectedTerminalInfo);
    }
}
