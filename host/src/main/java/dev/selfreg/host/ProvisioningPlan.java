package dev.selfreg.host;

import dev.selfreg.vocabulary.DmMode;
import dev.selfreg.vocabulary.TerminalInfoField;
import dev.selfreg.vocabulary.TerminalType;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * What to provision: each setting that is given is written, every other keeps its saved value.
 * Partial groups are completed from what is saved (only the port, say, of the server), except
 * the credentials: the module never shows the password, so a write of {@code AT+QDMPCFG=2}
 * needs the APPkey and the password together.
 */
public final class ProvisioningPlan {

    private final Optional<Boolean> ctEnabled;
    private final Optional<DmMode> dmMode;
    private final Optional<String> dmServer;
    private final Optional<Integer> dmPort;
    private final Optional<Long> dmUpdatePeriod;
    private final Optional<String> dmAppKey;
    private final Optional<DmPassword> dmPassword;
    private final Optional<TerminalType> dmTerminalType;
    private final Optional<String> dmTerminalImei;
    private final Map<TerminalInfoField, Optional<String>> terminalInfo;

    /** @throws IllegalArgumentException for a value the module could not take or the driver not read back */
    private ProvisioningPlan(Builder builder) {
        ctEnabled = Optional.ofNullable(builder.ctEnabled);
        dmMode = Optional.ofNullable(builder.dmMode);
        dmServer = Optional.ofNullable(builder.dmServer);
        dmPort = Optional.ofNullable(builder.dmPort);
        dmUpdatePeriod = Optional.ofNullable(builder.dmUpdatePeriod);
        dmAppKey = Optional.ofNullable(builder.dmAppKey);
        dmPassword = Optional.ofNullable(builder.dmPassword);
        dmTerminalType = Optional.ofNullable(builder.dmTerminalType);
        dmTerminalImei = Optional.ofNullable(builder.dmTerminalImei);
        terminalInfo = Map.copyOf(builder.terminalInfo);
        boolean anyCredential = dmAppKey.isPresent() || dmPassword.isPresent() || dmTerminalType.isPresent() || dmTerminalImei.isPresent();
        if (anyCredential && (dmAppKey.isEmpty() || dmPassword.isEmpty())) {
            throw new IllegalArgumentException("AT+QDMPCFG=2 writes the APPkey and the password together, and the module"
                    + " never shows the password: give both to change any of APPkey, password, terminal type, terminal IMEI");
        }
        // Checked now rather than halfway through provisioning, after other settings were written.
        new DmServer(dmServer.orElse(DmServer.DEFAULT.address()), dmPort.orElse(DmServer.DEFAULT.port()),
                dmUpdatePeriod.orElse(DmServer.DEFAULT.updatePeriodSeconds()));
        dmAppKey.ifPresent(appKey -> AtText.field("APPkey", appKey));
        dmTerminalImei.ifPresent(imei -> AtText.field("terminal IMEI", imei));
        terminalInfo.forEach(AtText::terminalInfo);
        dmPassword.ifPresent(password -> {
            if (!password.isWritable()) {
                throw new IllegalArgumentException("a password read from the module (" + password + ") cannot be written");
            }
        });
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Nothing to write. */
    public boolean isEmpty() {
        return ctEnabled.isEmpty() && dmMode.isEmpty() && !touchesServer() && !touchesCredentials() && terminalInfo.isEmpty();
    }

    public Optional<Boolean> ctEnabled() {
        return ctEnabled;
    }

    public Optional<DmMode> dmMode() {
        return dmMode;
    }

    public Optional<String> dmServer() {
        return dmServer;
    }

    public Optional<Integer> dmPort() {
        return dmPort;
    }

    public Optional<Long> dmUpdatePeriod() {
        return dmUpdatePeriod;
    }

    public Optional<String> dmAppKey() {
        return dmAppKey;
    }

    public Optional<DmPassword> dmPassword() {
        return dmPassword;
    }

    public Optional<TerminalType> dmTerminalType() {
        return dmTerminalType;
    }

    public Optional<String> dmTerminalImei() {
        return dmTerminalImei;
    }

    /** The terminal information fields to write; an empty value writes {@code NULL}. */
    public Map<TerminalInfoField, Optional<String>> terminalInfo() {
        return terminalInfo;
    }

    boolean touchesServer() {
        return dmServer.isPresent() || dmPort.isPresent() || dmUpdatePeriod.isPresent();
    }

    boolean touchesCredentials() {
        return dmAppKey.isPresent();
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "ProvisioningPlan[ct=" + ctEnabled + ", dmMode=" + dmMode + ", server=" + dmServer + ", port=" + dmPort
                + ", period=" + dmUpdatePeriod + ", appKey=" + dmAppKey + ", password=" + dmPassword.map(DmPassword::masked)
                + ", terminalType=" + dmTerminalType + ", terminalImei=" + dmTerminalImei + ", terminalInfo=" + terminalInfo + "]";
    }

    /** Collects the settings to write; unset ones are left as saved. */
    public static final class Builder {
        private Boolean ctEnabled;
        private DmMode dmMode;
        private String dmServer;
        private Integer dmPort;
        private Long dmUpdatePeriod;
        private String dmAppKey;
        private DmPassword dmPassword;
        private TerminalType dmTerminalType;
        private String dmTerminalImei;
        private final Map<TerminalInfoField, Optional<String>> terminalInfo = new EnumMap<>(TerminalInfoField.class);

        private Builder() {
        }

        public Builder ctEnabled(boolean value) {
            ctEnabled = value;
            return this;
        }

        public Builder dmMode(DmMode value) {
            dmMode = value;
            return this;
        }

        public Builder dmServer(String value) {
            dmServer = value;
            return this;
        }

        public Builder dmPort(int value) {
            dmPort = value;
            return this;
        }

        public Builder dmUpdatePeriod(long seconds) {
            dmUpdatePeriod = seconds;
            return this;
        }

        public Builder dmAppKey(String value) {
            dmAppKey = value;
            return this;
        }

        public Builder dmPassword(DmPassword value) {
            dmPassword = value;
            return this;
        }

        public Builder dmTerminalType(TerminalType value) {
            dmTerminalType = value;
            return this;
        }

        public Builder dmTerminalImei(String value) {
            dmTerminalImei = value;
            return this;
        }

        /** One terminal information field; null or {@code NULL} writes no information. */
        public Builder terminalInfo(TerminalInfoField field, String value) {
            terminalInfo.put(field, TerminalInfo.value(value));
            return this;
        }

        public ProvisioningPlan build() {
            return new ProvisioningPlan(this);
        }
    }
}
