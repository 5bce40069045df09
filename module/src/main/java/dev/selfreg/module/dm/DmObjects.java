package dev.selfreg.module.dm;

import dev.selfreg.module.AgentContext;
import dev.selfreg.module.Bc260yFacts;
import dev.selfreg.module.RunningConfig;
import dev.selfreg.protocol.cmdmp.DmCipher;
import dev.selfreg.protocol.cmdmp.DmRegister;
import dev.selfreg.protocol.cmdmp.TerminalInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.OptionSet;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.leshan.core.LwM2m.LwM2mVersion;
import org.eclipse.leshan.core.model.LwM2mModel;
import org.eclipse.leshan.core.model.ObjectLoader;
import org.eclipse.leshan.core.model.ObjectModel;
import org.eclipse.leshan.core.model.StaticModel;
import org.eclipse.leshan.core.node.LwM2mMultipleResource;
import org.eclipse.leshan.core.node.LwM2mObjectInstance;
import org.eclipse.leshan.core.node.LwM2mPath;
import org.eclipse.leshan.core.node.LwM2mResource;
import org.eclipse.leshan.core.node.LwM2mSingleResource;
import org.eclipse.leshan.core.node.codec.DefaultLwM2mEncoder;
import org.eclipse.leshan.core.node.codec.LwM2mEncoder;
import org.eclipse.leshan.core.request.ContentFormat;

/**
 * The LwM2M object instances the module's CMDMP client serves to the platform, each answered
 * to a Read as TLV (Content-Format 11542): {@code /1/0} Server (lifetime, binding {@code U}),
 * {@code /3/0} Device (Quectel, BC260Y-CN, serial number = IMEI, firmware version) and
 * {@code /666/0} terminal information (cmcc-dm-wire.md, "Object 666"). Any other path answers
 * 4.04, another method than GET on a served instance 4.05, an Accept other than TLV 4.06.
 *
 * <p><b>Eclipse Leshan here:</b> the object models (Leshan's OMA models of objects 1 and 3 in
 * their LwM2M 1.0 versions, the protocol's {@link TerminalInfo#objectModel()} for 666) and
 * Leshan's TLV encoder, so the module encodes by exactly the models a Leshan server decodes by.
 * The CoAP request and response around it are Californium messages handled by the module's own
 * network (see {@link DmAgent}).
 *
 * <p>Every value comes from the running configuration: object 666 from the running
 * {@code AT+QDMPCFGEX} values ({@code NULL} for the unset ones) and the running tmlType, each
 * encrypted with the running password (the empty-password key when it is empty). Object 1's
 * lifetime is the Register's {@code lt}.
 */
final class DmObjects {

    /** Objects 1 and 3 as LwM2M 1.0 defines them (DM 2.0 speaks LwM2M 1.0), and object 666. */
    private static final LwM2mModel MODEL = model();
    private static final int SERVER = 1;
    private static final int DEVICE = 3;
    private static final int INSTANCE = 0;

    private final AgentContext module;
    /** Stateless once built, and heavy (its JSON codecs): one for every module of the process. */
    private static final LwM2mEncoder ENCODER = new DefaultLwM2mEncoder();

    DmObjects(AgentContext module) {
        this.module = module;
    }

    /** The answer to a request of the platform: code, Content-Format and payload. */
    Response answer(Request request, long lifetimeSeconds) {
        OptionSet options = request.getOptions();
        Optional<LwM2mObjectInstance> instance = instance(options.getUriPath(), lifetimeSeconds);
        if (instance.isEmpty()) {
            return new Response(ResponseCode.NOT_FOUND);
        }
        if (request.getCode() != Code.GET) {
            return new Response(ResponseCode.METHOD_NOT_ALLOWED);
        }
        if (options.hasAccept() && options.getAccept() != ContentFormat.TLV_CODE) {
            return new Response(ResponseCode.NOT_ACCEPTABLE);
        }
        int objectId = Integer.parseInt(options.getUriPath().get(0));
        byte[] tlv = ENCODER.encode(instance.get(), ContentFormat.TLV, new LwM2mPath(objectId, INSTANCE), MODEL);
        Response response = new Response(ResponseCode.CONTENT);
        response.getOptions().setContentFormat(ContentFormat.TLV_CODE);
        response.setPayload(tlv);
        return response;
    }

    private Optional<LwM2mObjectInstance> instance(List<String> path, long lifetimeSeconds) {
        return switch (String.join("/", path)) {
            case "1/0" -> Optional.of(server(lifetimeSeconds));
            case "3/0" -> Optional.of(device());
            case "666/0" -> Optional.of(terminalInfo(module.running().orElseThrow()));
            default -> Optional.empty();
        };
    }

    /** Object 1: the CMDMP server's account in the module. */
    private static LwM2mObjectInstance server(long lifetimeSeconds) {
        return new LwM2mObjectInstance(INSTANCE,
                LwM2mSingleResource.newIntegerResource(0, Bc260yFacts.DM_SHORT_SERVER_ID),
                LwM2mSingleResource.newIntegerResource(1, lifetimeSeconds),
                LwM2mSingleResource.newBooleanResource(6, false), // the module stores no notifications
                LwM2mSingleResource.newStringResource(7, DmRegister.BINDING));
    }

    /** Object 3: the resources the spec names, and the ones LwM2M 1.0 makes mandatory. */
    private LwM2mObjectInstance device() {
        return new LwM2mObjectInstance(INSTANCE,
                LwM2mSingleResource.newStringResource(0, Bc260yFacts.MANUFACTURER),
                LwM2mSingleResource.newStringResource(1, Bc260yFacts.MODEL),
                LwM2mSingleResource.newStringResource(2, module.profile().imei()),
                LwM2mSingleResource.newStringResource(3, module.profile().firmware()),
                LwM2mMultipleResource.newIntegerResource(11, Map.of(0, 0L)), // error code 0: no error
                LwM2mSingleResource.newStringResource(16, DmRegister.BINDING));
    }

    /** Object 666: every value encrypted with the running password's key. */
    private static LwM2mObjectInstance terminalInfo(RunningConfig running) {
        List<LwM2mResource> resources = new ArrayList<>();
        terminalInfoValues(running).encrypt(DmCipher.ofModulePassword(running.dm().password()))
                .forEach((id, value) -> resources.add(LwM2mSingleResource.newStringResource(id, value)));
        return new LwM2mObjectInstance(INSTANCE, resources);
    }

    /** The plain values of object 666 from the running configuration, field by field. */
    private static TerminalInfo terminalInfoValues(RunningConfig running) {
        return TerminalInfo.of(running.dm().tmlType().infoName(), running.terminalInfo()::value);
    }

    private static LwM2mModel model() {
        List<ObjectModel> models = new ArrayList<>();
        for (ObjectModel model : ObjectLoader.loadDefault(LwM2mVersion.V1_0)) {
            if (model.id == SERVER || model.id == DEVICE) {
                models.add(model);
            }
        }
        models.add(TerminalInfo.objectModel());
        return new StaticModel(models);
    }
}
