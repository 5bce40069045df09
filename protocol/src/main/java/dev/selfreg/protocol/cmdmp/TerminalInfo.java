package dev.selfreg.protocol.cmdmp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.leshan.core.model.ObjectModel;
import org.eclipse.leshan.core.model.ResourceModel;

/**
 * The terminal information of object 666, instance 0 (cmcc-dm-wire.md, "Object 666"), as plain values; one
 * component per {@link TerminalInfoResource}, in resource order. An unset value ({@code null} given) is the text
 * {@value #UNSET}, which is what the module encrypts for it.
 *
 * @param terminalType 6601, normally {@link DmTerminalType#typeName()}
 * @param appInfo 6602
 * @param mac 6603
 * @param rom 6604
 * @param ram 6605
 * @param cpu 6606
 * @param osSysVer 6607
 * @param swVer 6608
 * @param swName 6609
 * @param volte 6610
 * @param netType 6611
 * @param account 6612
 * @param phoneNum 6613
 * @param location 6614
 */
public record TerminalInfo(
        String terminalType,
        String appInfo,
        String mac,
        String rom,
        String ram,
        String cpu,
        String osSysVer,
        String swVer,
        String swName,
        String volte,
        String netType,
        String account,
        String phoneNum,
        String location) {

    /** The LwM2M object id. */
    public static final int OBJECT_ID = 666;
    /** The only instance. */
    public static final int INSTANCE_ID = 0;
    /** The plain text of a value that is not configured. */
    public static final String UNSET = "NULL";

    /** Replaces each {@code null} with {@link #UNSET}. */
    public TerminalInfo {
        terminalType = orUnset(terminalType);
        appInfo = orUnset(appInfo);
        mac = orUnset(mac);
        rom = orUnset(rom);
        ram = orUnset(ram);
        cpu = orUnset(cpu);
        osSysVer = orUnset(osSysVer);
        swVer = orUnset(swVer);
        swName = orUnset(swName);
        volte = orUnset(volte);
        netType = orUnset(netType);
        account = orUnset(account);
        phoneNum = orUnset(phoneNum);
        location = orUnset(location);
    }

    /** Nothing configured but the terminal type, as after a factory reset. */
    public static TerminalInfo unset(DmTerminalType type) {
        String[] values = new String[TerminalInfoResource.values().length];
        values[TerminalInfoResource.TERMINAL_TYPE.ordinal()] = type.typeName();
        return of(Arrays.asList(values));
    }

    /** The plain value of one resource. */
    public String value(TerminalInfoResource resource) {
        return values().get(resource.ordinal());
    }

    /** A copy with one value replaced; {@code null} makes it {@link #UNSET}. */
    public TerminalInfo with(TerminalInfoResource resource, String value) {
        List<String> values = new ArrayList<>(values());
        values.set(resource.ordinal(), value);
        return of(values);
    }

    /**
     * Every value encrypted for the wire, as the module answers a Read of {@code /666/0}.
     *
     * @return resource id to encrypted value, in resource order, unmodifiable
     */
    public Map<Integer, String> encrypt(DmCipher cipher) {
        Map<Integer, String> wire = new LinkedHashMap<>();
        for (TerminalInfoResource resource : TerminalInfoResource.values()) {
            wire.put(resource.id(), cipher.encrypt(value(resource)));
        }
        return Collections.unmodifiableMap(wire);
    }

    /**
     * The plain values from what the platform read of {@code /666/0}. A resource the module did not send counts as
     * {@link #UNSET}, like a value it did not configure; ids that are not object 666's are ignored.
     *
     * @param wire resource id to encrypted value
     * @throws DmDecryptException when a value does not decrypt; the message names the resource
     */
    public static TerminalInfo decrypt(Map<Integer, String> wire, DmCipher cipher) throws DmDecryptException {
        List<String> values = new ArrayList<>();
        for (TerminalInfoResource resource : TerminalInfoResource.values()) {
            String encrypted = wire.get(resource.id());
            try {
                values.add(encrypted == null ? UNSET : cipher.decrypt(encrypted));
            } catch (DmDecryptException e) {
                throw new DmDecryptException(e.reason(), "resource " + resource.id() + ": " + e.getMessage());
            }
        }
        return of(values);
    }

    /**
     * The LwM2M model of object 666 for Leshan: single instance, optional object, fourteen mandatory single
     * readable string resources (the module always answers all of them, unset ones as {@link #UNSET}).
     */
    public static ObjectModel objectModel() {
        List<ResourceModel> resources = new ArrayList<>();
        for (TerminalInfoResource resource : TerminalInfoResource.values()) {
            resources.add(new ResourceModel(resource.id(), resource.modelName(), ResourceModel.Operations.R,
                    false, true, ResourceModel.Type.STRING, "", "",
                    "AES-256-CBC encrypted, Base64; \"NULL\" encrypted when unset"));
        }
        return new ObjectModel(OBJECT_ID, "Terminal Information",
                "China Mobile CMDMP DM 2.0 terminal information", ObjectModel.DEFAULT_VERSION,
                false, false, resources);
    }

    /** The values in resource order, matching {@link TerminalInfoResource#ordinal()}. */
    private List<String> values() {
        return List.of(terminalType, appInfo, mac, rom, ram, cpu, osSysVer, swVer, swName, volte, netType, account,
                phoneNum, location);
    }

    private static TerminalInfo of(List<String> v) {
        return new TerminalInfo(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5), v.get(6), v.get(7),
                v.get(8), v.get(9), v.get(10), v.get(11), v.get(12), v.get(13));
    }

    private static String orUnset(String value) {
        return value == null ? UNSET : value;
    }
}
