package dev.selfreg.protocol.cmdmp;

import dev.selfreg.vocabulary.TerminalInfoField;
import dev.selfreg.vocabulary.TerminalType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.leshan.core.model.ObjectModel;
import org.eclipse.leshan.core.model.ResourceModel;

/**
 * The terminal information of object 666, instance 0 (cmcc-dm-wire.md, "Object 666"), as plain values: the terminal
 * type ({@link TerminalType#RESOURCE_ID}) and one value per {@link TerminalInfoField}, each in the resource the
 * vocabulary gives it. An unset value ({@code null} given) is the text {@link TerminalInfoField#UNSET}, which is what
 * the module encrypts for it.
 *
 * @param terminalType 6601, normally {@link TerminalType#infoName()}
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
    /** Resource 6601's name in the object model; the others are named as the seed names their field. */
    private static final String TERMINAL_TYPE_NAME = "Terminal type";

    /** Replaces each {@code null} with {@link TerminalInfoField#UNSET}. */
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

    /** The terminal type's name and each field's value as {@code values} gives it; {@code null} is unset. */
    public static TerminalInfo of(String terminalType, Function<TerminalInfoField, String> values) {
        return new TerminalInfo(terminalType, values.apply(TerminalInfoField.APP_INFO),
                values.apply(TerminalInfoField.MAC), values.apply(TerminalInfoField.ROM),
                values.apply(TerminalInfoField.RAM), values.apply(TerminalInfoField.CPU),
                values.apply(TerminalInfoField.OS_SYS_VER), values.apply(TerminalInfoField.SW_VER),
                values.apply(TerminalInfoField.SW_NAME), values.apply(TerminalInfoField.VOLTE),
                values.apply(TerminalInfoField.NET_TYPE), values.apply(TerminalInfoField.ACCOUNT),
                values.apply(TerminalInfoField.PHONE_NUM), values.apply(TerminalInfoField.LOCATION));
    }

    /** Nothing configured but the terminal type, as after a factory reset. */
    public static TerminalInfo unset(TerminalType type) {
        return of(type.infoName(), field -> null);
    }

    /** The plain value of one field. */
    public String value(TerminalInfoField field) {
        return switch (field) {
            case APP_INFO -> appInfo;
            case MAC -> mac;
            case ROM -> rom;
            case RAM -> ram;
            case CPU -> cpu;
            case OS_SYS_VER -> osSysVer;
            case SW_VER -> swVer;
            case SW_NAME -> swName;
            case VOLTE -> volte;
            case NET_TYPE -> netType;
            case ACCOUNT -> account;
            case PHONE_NUM -> phoneNum;
            case LOCATION -> location;
        };
    }

    /** A copy with one field's value replaced; {@code null} makes it {@link TerminalInfoField#UNSET}. */
    public TerminalInfo with(TerminalInfoField replaced, String value) {
        return of(terminalType, field -> field == replaced ? value : value(field));
    }

    /**
     * The plain values by resource id, 6601 to 6614 in order.
     *
     * @return unmodifiable
     */
    public Map<Integer, String> byResourceId() {
        Map<Integer, String> values = new LinkedHashMap<>();
        values.put(TerminalType.RESOURCE_ID, terminalType);
        for (TerminalInfoField field : TerminalInfoField.values()) {
            values.put(field.resourceId(), value(field));
        }
        return Collections.unmodifiableMap(values);
    }

    /**
     * Every value encrypted for the wire, as the module answers a Read of {@code /666/0}.
     *
     * @return resource id to encrypted value, in resource order, unmodifiable
     */
    public Map<Integer, String> encrypt(DmCipher cipher) {
        Map<Integer, String> wire = new LinkedHashMap<>();
        byResourceId().forEach((id, value) -> wire.put(id, cipher.encrypt(value)));
        return Collections.unmodifiableMap(wire);
    }

    /**
     * The plain values from what the platform read of {@code /666/0}. A resource the module did not send counts as
     * {@link TerminalInfoField#UNSET}, like a value it did not configure; ids that are not object 666's are ignored.
     *
     * @param wire resource id to encrypted value
     * @throws DmDecryptException when a value does not decrypt; the message names the resource
     */
    public static TerminalInfo decrypt(Map<Integer, String> wire, DmCipher cipher) throws DmDecryptException {
        Map<TerminalInfoField, String> values = new LinkedHashMap<>();
        String terminalType = decrypt(wire, TerminalType.RESOURCE_ID, cipher);
        for (TerminalInfoField field : TerminalInfoField.values()) {
            values.put(field, decrypt(wire, field.resourceId(), cipher));
        }
        return of(terminalType, values::get);
    }

    private static String decrypt(Map<Integer, String> wire, int id, DmCipher cipher) throws DmDecryptException {
        String encrypted = wire.get(id);
        try {
            return encrypted == null ? TerminalInfoField.UNSET : cipher.decrypt(encrypted);
        } catch (DmDecryptException e) {
            throw new DmDecryptException(e.reason(), "resource " + id + ": " + e.getMessage());
        }
    }

    /**
     * The LwM2M model of object 666 for Leshan: single instance, optional object, fourteen mandatory single
     * readable string resources (the module always answers all of them, unset ones as {@link TerminalInfoField#UNSET}).
     */
    public static ObjectModel objectModel() {
        List<ResourceModel> resources = new ArrayList<>();
        resources.add(resource(TerminalType.RESOURCE_ID, TERMINAL_TYPE_NAME));
        for (TerminalInfoField field : TerminalInfoField.values()) {
            resources.add(resource(field.resourceId(), field.seedName()));
        }
        return new ObjectModel(OBJECT_ID, "Terminal Information",
                "China Mobile CMDMP DM 2.0 terminal information", ObjectModel.DEFAULT_VERSION,
                false, false, resources);
    }

    private static ResourceModel resource(int id, String name) {
        return new ResourceModel(id, name, ResourceModel.Operations.R, false, true, ResourceModel.Type.STRING, "", "",
                "AES-256-CBC encrypted, Base64; \"NULL\" encrypted when unset");
    }

    private static String orUnset(String value) {
        return value == null ? TerminalInfoField.UNSET : value;
    }
}
