package dev.selfreg.platform.web;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The dashboard's pages, from {@code web/} on the classpath: the dashboard itself at {@code /}, a device's
 * certification checklist at {@code /devices/<imei>}, and the page that asks for the access token when a request
 * for either has none.
 * All are fixed HTML: every value is fetched by the page's script and inserted as text, never
 * as markup, because device data is untrusted input.
 */
final class Dashboard {

    /** The device page's path below its IMEI. */
    static final String DEVICE_PATH = "/devices/";

    private static final String PAGE = resource("web/index.html");
    private static final String DEVICE_PAGE = resource("web/device.html");
    private static final String UNLOCK_PAGE = resource("web/unlock.html");

    private Dashboard() {
    }

    static void register(Javalin app) {
        app.get("/", ctx -> ctx.html(PAGE));
        app.get(DEVICE_PATH + "{imei}", ctx -> ctx.html(DEVICE_PAGE));
    }

    /** Whether {@code path} is one of the pages (not data): the dashboard or a device page. */
    static boolean isPage(String path) {
        return path.equals("/") || path.startsWith(DEVICE_PATH) && path.indexOf('/', DEVICE_PATH.length()) < 0;
    }

    /** The page asking for the token, answered with 401 in place of the dashboard. */
    static String unlockPage() {
        return UNLOCK_PAGE;
    }

    private static String resource(String name) {
        try (InputStream in = Dashboard.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("dashboard resource missing from the jar: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
