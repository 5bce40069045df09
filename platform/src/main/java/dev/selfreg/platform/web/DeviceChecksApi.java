package dev.selfreg.platform.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.selfreg.checks.Checklist;
import dev.selfreg.checks.report.ChecklistJson;
import dev.selfreg.platform.checks.DeviceChecks;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The certification checks in the REST API: {@code GET /api/devices} lists every device with its overall verdict
 * and counts; {@code GET /api/devices/{imei}/checks} is one device's checklist ({@link ChecklistJson}): each rule's
 * verdict with its evidence, and the records they were judged on.
 */
final class DeviceChecksApi {

    /** IMEIs and the 15-17 digit tmlIMEI a CMDMP endpoint may carry instead. */
    private static final Pattern IMEI = Pattern.compile("\\d{1,17}");
    private static final int QUOTE_LIMIT = 40;

    private final DeviceChecks checks;

    DeviceChecksApi(DeviceChecks checks) {
        this.checks = checks;
    }

    void register(Javalin app) {
        app.get("/api/devices", this::devices);
        app.get("/api/devices/{imei}/checks", this::checklist);
    }

    private void devices(Context ctx) {
        ArrayNode list = ApiViews.mapper().createArrayNode();
        for (Checklist checklist : checks.all()) {
            ObjectNode full = ChecklistJson.write(checklist);
            list.addObject().put("imei", checklist.imei()).put("product", checklist.product())
                    .put("verdict", checklist.overall().code()).set("counts", full.get("counts"));
        }
        ctx.json(list);
    }

    private void checklist(Context ctx) {
        String imei = imei(ctx);
        Optional<Checklist> checklist = checks.of(imei);
        if (checklist.isPresent()) {
            ctx.json(ChecklistJson.write(checklist.get()));
        } else {
            ctx.attribute(WebServer.OWN_NOT_FOUND, true);
            ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", "the platform has no record of IMEI " + imei));
        }
    }

    /** The {@code {imei}} of a device's path, checked: 400 when it is no IMEI. */
    static String imei(Context ctx) {
        String imei = ctx.pathParam("imei");
        if (!IMEI.matcher(imei).matches()) {
            throw new PlatformApi.BadRequest("an IMEI is 1 to 17 digits, not '" + shortened(imei) + "'");
        }
        return imei;
    }

    /** A path quoted back in an error stays short. */
    private static String shortened(String text) {
        return text.length() <= QUOTE_LIMIT ? text : text.substring(0, QUOTE_LIMIT) + "...";
    }
}
