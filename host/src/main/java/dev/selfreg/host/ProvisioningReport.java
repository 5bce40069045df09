package dev.selfreg.host;

import java.util.List;
import java.util.Optional;

/**
 * What provisioning did, setting by setting: the value before, the value written, what the
 * saved view read back, and what the module showed after the reboot. Values are as the module
 * shows them: the password masked, unset terminal information {@code NULL}.
 *
 * @param identity the module provisioned
 * @param rows     one per setting written
 * @param rebooted false when a read-back already failed, so the module was not rebooted
 */
public record ProvisioningReport(ModuleIdentity identity, List<Row> rows, boolean rebooted) {

    public ProvisioningReport {
        rows = List.copyOf(rows);
    }

    /**
     * One setting.
     *
     * @param setting  its name, e.g. {@code DM port}
     * @param before   before provisioning, in the view {@code after} is read from
     * @param expected what was written
     * @param saved    what the saved view read back after the write
     * @param after    after the reboot: the running view where the module has one ({@code
     *                 AT+QDMPCFG?}), else the saved one; empty when not rebooted
     * @param mismatch what differed, naming the command that showed it
     */
    public record Row(String setting, String before, String expected, String saved, Optional<String> after,
                      Optional<String> mismatch) {
    }

    /** Every mismatch, naming the command that showed it. */
    public List<String> mismatches() {
        return rows.stream().flatMap(row -> row.mismatch().stream()).toList();
    }

    /** Written, read back, rebooted, and running what was written. */
    public boolean verified() {
        return rebooted && mismatches().isEmpty();
    }
}
