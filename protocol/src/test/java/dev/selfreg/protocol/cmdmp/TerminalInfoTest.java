package dev.selfreg.protocol.cmdmp;

import static dev.selfreg.protocol.cmdmp.DmVectors.CIPHER;
import static dev.selfreg.protocol.cmdmp.DmVectors.ENC_4G;
import static dev.selfreg.protocol.cmdmp.DmVectors.ENC_MAC;
import static dev.selfreg.protocol.cmdmp.DmVectors.ENC_NULL;
import static dev.selfreg.protocol.cmdmp.DmVectors.MAC;
import static dev.selfreg.protocol.cmdmp.DmVectors.WRONG_CIPHER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.selfreg.vocabulary.TerminalInfoField;
import dev.selfreg.vocabulary.TerminalType;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.eclipse.leshan.core.model.DefaultObjectModelValidator;
import org.eclipse.leshan.core.model.ObjectModel;
import org.eclipse.leshan.core.model.ResourceModel;
import org.eclipse.leshan.core.model.StaticModel;
import org.eclipse.leshan.core.node.LwM2mObjectInstance;
import org.eclipse.leshan.core.node.LwM2mPath;
import org.eclipse.leshan.core.node.LwM2mResource;
import org.eclipse.leshan.core.node.LwM2mSingleResource;
import org.eclipse.leshan.core.node.codec.DefaultLwM2mDecoder;
import org.eclipse.leshan.core.node.codec.DefaultLwM2mEncoder;
import org.eclipse.leshan.core.request.ContentFormat;
import org.junit.jupiter.api.Test;

class TerminalInfoTest {
    private static final TerminalInfo CONFIGURED = TerminalInfo.unset(TerminalType.INTERFACE)
            .with(TerminalInfoField.MAC, MAC)
            .with(TerminalInfoField.NET_TYPE, "4G");

    @Test
    void resourcesAre6601To6614InOrder() {
        assertThat(CONFIGURED.byResourceId().keySet())
                .containsExactlyElementsOf(IntStream.rangeClosed(6601, 6614).boxed().toList());
    }

    @Test
    void nullValuesAreTheTextNull() {
        TerminalInfo info = new TerminalInfo(null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);

        assertThat(info.byResourceId().values()).hasSize(14).containsOnly("NULL");
    }

    @Test
    void unsetCarriesOnlyTheTerminalTypeName() {
        TerminalInfo info = TerminalInfo.unset(TerminalType.LINUX);

        assertThat(info.terminalType()).isEqualTo("Linux");
        assertThat(info.location()).isEqualTo("NULL");
    }

    @Test
    void terminalTypeNamesAreInterfaceLinuxAndAndroid() {
        assertThat(TerminalType.values()).extracting(TerminalType::infoName)
                .containsExactly("interface", "Linux", "Android");
    }

    @Test
    void withReplacesTheValueOfThatResourceOnly() {
        assertThat(CONFIGURED.mac()).isEqualTo(MAC);
        assertThat(CONFIGURED.netType()).isEqualTo("4G");
        assertThat(CONFIGURED.with(TerminalInfoField.MAC, null).mac()).isEqualTo("NULL");
        assertThat(CONFIGURED.cpu()).isEqualTo("NULL");
    }

    @Test
    void encryptsEveryValueLikeTheSpecVectors() {
        Map<Integer, String> wire = CONFIGURED.encrypt(CIPHER);

        assertThat(wire).containsOnlyKeys(IntStream.rangeClosed(6601, 6614).boxed().toList());
        assertThat(wire.get(6603)).isEqualTo(ENC_MAC);
        assertThat(wire.get(6611)).isEqualTo(ENC_4G);
        assertThat(wire.get(6614)).isEqualTo(ENC_NULL);
    }

    @Test
    void decryptsWhatItEncrypted() throws DmDecryptException {
        assertThat(TerminalInfo.decrypt(CONFIGURED.encrypt(CIPHER), CIPHER)).isEqualTo(CONFIGURED);
    }

    @Test
    void missingResourceDecryptsAsUnset() throws DmDecryptException {
        Map<Integer, String> wire = new HashMap<>(CONFIGURED.encrypt(CIPHER));
        wire.remove(6603);

        assertThat(TerminalInfo.decrypt(wire, CIPHER).mac()).isEqualTo("NULL");
    }

    @Test
    void foreignResourceIdsAreIgnored() throws DmDecryptException {
        Map<Integer, String> wire = new HashMap<>(CONFIGURED.encrypt(CIPHER));
        wire.put(6615, "garbage");

        assertThat(TerminalInfo.decrypt(wire, CIPHER)).isEqualTo(CONFIGURED);
    }

    @Test
    void decryptFailureNamesTheResource() {
        Map<Integer, String> wire = new LinkedHashMap<>(CONFIGURED.encrypt(CIPHER));
        wire.put(6605, "AAAA");

        DmDecryptException failure = catchThrowableOfType(DmDecryptException.class,
                () -> TerminalInfo.decrypt(wire, CIPHER));

        assertThat(failure.reason()).isEqualTo(DmDecryptException.Reason.NOT_WHOLE_BLOCKS);
        assertThat(failure.getMessage()).startsWith("resource 6605: ");
    }

    @Test
    void wrongPasswordCannotDecrypt() {
        assertThat(catchThrowableOfType(DmDecryptException.class,
                () -> TerminalInfo.decrypt(CONFIGURED.encrypt(CIPHER), WRONG_CIPHER))).isNotNull();
    }

    @Test
    void objectModelIsASingleInstanceOf14ReadableStrings() {
        ObjectModel model = TerminalInfo.objectModel();

        assertThat(model.id).isEqualTo(666);
        assertThat(model.multiple).isFalse();
        assertThat(model.resources).containsOnlyKeys(IntStream.rangeClosed(6601, 6614).boxed().toList());
        assertThat(model.resources.values()).allSatisfy(resource -> {
            assertThat(resource.operations).isEqualTo(ResourceModel.Operations.R);
            assertThat(resource.type).isEqualTo(ResourceModel.Type.STRING);
            assertThat(resource.multiple).isFalse();
        });
    }

    @Test
    void objectModelPassesLeshanValidation() {
        assertThatCode(() -> new DefaultObjectModelValidator().validate(TerminalInfo.objectModel(), "object 666"))
                .doesNotThrowAnyException();
    }

    @Test
    void encryptedInstanceTravelsAsTlvThroughLeshan() throws Exception {
        StaticModel model = new StaticModel(TerminalInfo.objectModel());
        LwM2mPath path = new LwM2mPath(TerminalInfo.OBJECT_ID, TerminalInfo.INSTANCE_ID);
        LwM2mObjectInstance sent = new LwM2mObjectInstance(TerminalInfo.INSTANCE_ID,
                CONFIGURED.encrypt(CIPHER).entrySet().stream()
                        .map(e -> (LwM2mResource) LwM2mSingleResource.newStringResource(e.getKey(), e.getValue()))
                        .toList());

        byte[] tlv = new DefaultLwM2mEncoder().encode(sent, ContentFormat.TLV, path, model);
        LwM2mObjectInstance received = new DefaultLwM2mDecoder()
                .decode(tlv, ContentFormat.TLV, path, model, LwM2mObjectInstance.class);
        Map<Integer, String> wire = new HashMap<>();
        received.getResources().forEach((id, resource) -> wire.put(id, (String) resource.getValue()));

        assertThat(TerminalInfo.decrypt(wire, CIPHER)).isEqualTo(CONFIGURED);
    }
}
