package dev.selfreg.lab.scenario;

import dev.selfreg.checks.Product;
import dev.selfreg.module.ModuleProfile;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A scenario: the modules on the bench, the platform's CMDMP applications, and the steps,
 * run in order on the virtual clock against an embedded lab platform.
 *
 * @param units  module name to its profile, in the order they are powered on
 * @param dmApps the platform's {@code APPKEY=PASSWORD} applications
 * @param product what the modules are meant to be, for the certification checks
 */
public record Scenario(String name, Map<String, ModuleProfile> units, List<String> dmApps, List<Step> steps,
                       Product product) {

    public Scenario {
        Objects.requireNonNull(product, "product");
        units = Collections.unmodifiableMap(new LinkedHashMap<>(units));
        dmApps = List.copyOf(dmApps);
        steps = List.copyOf(steps);
    }

    /** The same scenario judged as {@code declared}, whatever its file says. */
    public Scenario withProduct(Product declared) {
        return new Scenario(name, units, dmApps, steps, declared);
    }
}
