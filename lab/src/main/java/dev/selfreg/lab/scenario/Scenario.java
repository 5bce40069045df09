package dev.selfreg.lab.scenario;

import dev.selfreg.module.ModuleProfile;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario: the modules on the bench, the platform's CMDMP applications, and the steps,
 * run in order on the virtual clock against an embedded lab platform.
 *
 * @param units  module name to its profile, in the order they are powered on
 * @param dmApps the platform's {@code APPKEY=PASSWORD} applications
 */
public record Scenario(String name, Map<String, ModuleProfile> units, List<String> dmApps, List<Step> steps) {

    public Scenario {
        units = Collections.unmodifiableMap(new LinkedHashMap<>(units));
        dmApps = List.copyOf(dmApps);
        steps = List.copyOf(steps);
    }
}
