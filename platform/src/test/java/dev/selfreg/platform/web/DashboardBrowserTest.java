package dev.selfreg.platform.web;

import static dev.selfreg.platform.web.WebTestBench.ctRegistration;
import static dev.selfreg.platform.web.WebTestBench.ctRejection;
import static dev.selfreg.platform.web.WebTestBench.dmDevice;
import static dev.selfreg.platform.web.WebTestBench.dmEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.selfreg.platform.LabPlatform;
import dev.selfreg.platform.PlatformSettings;
import dev.selfreg.platform.store.CtRegistration;
import dev.selfreg.platform.store.CtRejection;
import dev.selfreg.platform.store.DmDevice;
import dev.selfreg.platform.store.DmEvent;
import dev.selfreg.protocol.cmdmp.DmDialect;
import dev.selfreg.platform.wire.SampleTraffic;
import dev.selfreg.protocol.zzhc.ZzhcDialect;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser: Debian's chromium, headless, driven through its own
 * chromedriver. Selenium is given both paths, so its manager never looks for (or downloads)
 * a browser or a driver.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOT = Path.of("target", "dashboard.png");
    private static final Path DEVICE_SCREENSHOT = Path.of("target", "device-page.png");
    private static final Path TIMELINE_SCREENSHOT = Path.of("target", "device-timeline.png");
    private static final Duration WAIT = Duration.ofSeconds(5);

    private Path profile;
    private ChromeDriver browser;

    @BeforeAll
    void startBrowser() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("The dashboard test needs Debian's chromium and its driver at " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get install -y chromium chromium-driver");
        }
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("selfreg-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1366,768", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1366, 768));
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void recordsCommittedWhileTheDashboardIsOpenAppearWithoutAReload() throws IOException {
        try (WebTestBench bench = WebTestBench.open()) {
            open(bench, "/");
            assertThat(rows("ct-registrations")).isEmpty();
            assertThat(browser.findElement(By.id("ct-registrations-empty")).isDisplayed()).isTrue();
            assertThat(browser.findElement(By.id("ct-registrations-empty")).getText()).isEqualTo("No China Telecom registration yet.");
            markPage();

            bench.records.accepted(ctRegistration("869999000000001", "460111234567890", "89860321000000000001"));
            waitFor(() -> text("ct-registrations").contains("869999000000001"));
            bench.records.device(dmDevice("869999000000001", "460041234567890", WebTestBench.terminalInfo()),
                    dmEvent("869999000000001", "register", "ok", ""));
            waitFor(() -> text("dm-devices").contains("00:50:56:C0:00:01"));
            bench.records.rejected(ctRejection("3", "Not a China Telecom IMSI", "IMSI 460001234567890: prefix 46000"));
            waitFor(() -> text("ct-rejections").contains("Not a China Telecom IMSI")
                    && text("timeline").contains("register"));

            String device = text("dm-devices");
            assertThat(device).contains("869999000000001", "460041234567890", "M100000000", "interface", "registered", "lifetime 1 d",
                    "swVer", "BC260YCNAAR01A04", "netType", "4G", "3 unset");
            assertThat(browser.findElement(By.id("ct-registrations-empty")).isDisplayed()).isFalse();
            assertThat(pageWasNotReloaded()).isTrue();
        }
    }

    @Test
    void eachRecordShowsTheDialectItWasSeenIn() {
        try (WebTestBench bench = WebTestBench.open()) {
            CtRegistration r = ctRegistration("869999000000001", "460111234567890", "89860321000000000001");
            bench.records.accepted(new CtRegistration(0, r.receivedAt(), "http", r.peer(), r.imei(), r.imsi(),
                    r.iccid(), r.model(), r.swver(), "5.0", r.reportJson(), ZzhcDialect.parse("v5-cat1+cellid-hex")));
            DmDevice d = dmDevice("869999000000002", "460041234567890", Map.of());
            Optional<DmDialect> upper = Optional.of(DmDialect.of(DmDialect.Feature.VERSION_UPPER_CASE,
                    DmDialect.Feature.EPI_FULL));
            bench.records.device(new DmDevice(d.endpoint(), d.imei(), d.imsi(), d.appKey(), d.tmlType(), d.state(),
                    d.lifetime(), d.registeredAt(), d.lastUpdate(), d.registrationId(), true, Map.of(), upper),
                    new DmEvent(0, Instant.now(), d.endpoint(), d.imei(), "update", "ok", "", upper));
            open(bench, "/");

            waitFor(() -> rows("ct-registrations").size() == 1 && rows("dm-devices").size() == 1);

            assertThat(text("ct-registrations")).contains("REGVER 5.0, Cat.1 fields; SIM1CELLID as hex");
            assertThat(text("dm-devices")).contains("V2.0 upper case; epi full form");
            assertThat(text("timeline")).contains("V2.0 upper case; epi full form");
            assertThat(browser.findElement(By.cssSelector("#ct-registrations .dialect")).getAttribute("title"))
                    .isEqualTo("dialect v5-cat1+cellid-hex");
        }
    }

    @Test
    void searchingByImeiShowsOnlyThatDevice() {
        try (WebTestBench bench = WebTestBench.open()) {
            bench.records.accepted(ctRegistration("869999000000011", "460111234567811", "89860321000000000011"));
            bench.records.accepted(ctRegistration("869999000000022", "460111234567822", "89860321000000000022"));
            bench.records.device(dmDevice("869999000000011", "460041234567811", Map.of()),
                    dmEvent("869999000000011", "register", "ok", ""));
            bench.records.device(dmDevice("869999000000022", "460041234567822", Map.of()),
                    dmEvent("869999000000022", "register", "ok", ""));
            open(bench, "/");
            waitFor(() -> rows("ct-registrations").size() == 2 && rows("dm-devices").size() == 2);

            browser.findElement(By.id("search")).sendKeys("869999000000022");

            waitFor(() -> rows("ct-registrations").size() == 1 && rows("dm-devices").size() == 1);
            assertThat(text("ct-registrations")).contains("869999000000022").doesNotContain("869999000000011");
            assertThat(text("dm-devices")).contains("869999000000022").doesNotContain("869999000000011");

            bench.records.accepted(ctRegistration("869999000000033", "460111234567833", "89860321000000000033"));
            bench.records.accepted(ctRegistration("869999000000022", "460111234567822", "89860321000000000022"));
            waitFor(() -> rows("ct-registrations").size() == 2);
            assertThat(text("ct-registrations")).doesNotContain("869999000000033");

            browser.findElement(By.id("search")).clear();
            browser.findElement(By.id("search")).sendKeys("89860321000000000011");
            waitFor(() -> rows("ct-registrations").size() == 1 && text("ct-registrations").contains("869999000000011"));
        }
    }

    @Test
    void markupInDeviceDataIsShownAsText() {
        String script = "<script>document.body.dataset.injected=1</script>";
        String image = "<img src=x onerror=document.body.dataset.injected=1>";
        String both = image + script;
        try (WebTestBench bench = WebTestBench.open()) {
            open(bench, "/");
            bench.records.accepted(new CtRegistration(0, Instant.now(), "coap", "127.0.0.1:1", "869999000000001",
                    "460111234567890", "89860321000000000001", script, image, "2", "{}"));
            bench.records.rejected(ctRejection("1", "<b>Malformed</b>", both));
            bench.records.device(dmDevice("869999000000001", "460041234567890", Map.of(6602, both)),
                    dmEvent("869999000000001", "rejected", "failed", both));

            waitFor(() -> text("ct-registrations").contains(script) && text("dm-devices").contains(image)
                    && text("ct-rejections").contains(both) && text("timeline").contains(both));

            List<WebElement> cells = rows("ct-registrations").get(0).findElements(By.tagName("td"));
            assertThat(cells.get(4).getText()).isEqualTo(script);
            assertThat(cells.get(5).getText()).isEqualTo(image);
            assertThat(text("ct-rejections")).contains("<b>Malformed</b>");
            assertThat(browser.findElements(By.cssSelector("main img, main script, main b"))).isEmpty();
            assertThat(((JavascriptExecutor) browser).executeScript("return document.body.dataset.injected")).isNull();
        }
    }

    @Test
    void aTokenGivenOnceInTheAddressKeepsTheDashboardWorking() {
        try (WebTestBench bench = WebTestBench.withToken()) {
            browser.get(bench.url("/"));
            waitFor(() -> browser.getPageSource().contains("Access token required"));

            open(bench, "/?token=" + WebTestBench.TOKEN);

            assertThat(browser.getCurrentUrl()).isEqualTo(bench.url("/"));
            bench.records.accepted(ctRegistration("869999000000001", "460111234567890", "89860321000000000001"));
            waitFor(() -> text("ct-registrations").contains("869999000000001"));

            browser.navigate().refresh();
            waitFor(() -> text("ct-registrations").contains("869999000000001"));
            assertThat(browser.getCurrentUrl()).doesNotContain(WebTestBench.TOKEN);

            browser.get(bench.url("/?token=not-the-token-0123456789"));
            waitFor(() -> browser.findElement(By.id("rejected")).isDisplayed());
        }
    }

    @Test
    void aPopulatedDashboardIsReadableOnALaptopScreen() throws IOException {
        try (WebTestBench bench = WebTestBench.open()) {
            populate(bench);
            open(bench, "/");
            waitFor(() -> rows("ct-registrations").size() == 6 && rows("dm-devices").size() == 3);
            CtRegistration arriving = ctRegistration("869999000000007", "460111234567897", "89860321000000000007");
            bench.records.accepted(new CtRegistration(0, Instant.now(), "coap", arriving.peer(), arriving.imei(),
                    arriving.imsi(), arriving.iccid(), arriving.model(), arriving.swver(), arriving.regver(),
                    arriving.reportJson()));
            waitFor(() -> rows("ct-registrations").size() == 7);

            Files.createDirectories(SCREENSHOT.getParent());
            Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);

            Object sideways = ((JavascriptExecutor) browser).executeScript(
                    "return [document.documentElement, ...document.querySelectorAll('.scroll')]"
                    + ".filter(e => e.scrollWidth > e.clientWidth).map(e => e.parentElement.className || e.tagName)");
            assertThat((List<?>) sideways).as("panels that scroll sideways at 1366 px").isEmpty();
            assertThat(Files.size(SCREENSHOT)).isPositive();
        }
    }

    @Test
    void everyTableRowLinksToItsDevicesChecklist() {
        try (WebTestBench bench = WebTestBench.declaring(CheckedDevices.METER)) {
            CheckedDevices.failing(bench);
            bench.records.device(dmDevice(CheckedDevices.PASSING, "460041234567890", Map.of()),
                    dmEvent(CheckedDevices.PASSING, "register", "ok", ""));
            bench.records.rejected(new CtRejection(0, Instant.now(), "coap", "127.0.0.1:1", "2",
                    "Invalid SIM1ICCID", "too short", Base64.getEncoder().encodeToString(
                            ("{\"REGVER\":\"2\",\"MEID\":\"" + CheckedDevices.FAILING + "\"}").getBytes())));
            open(bench, "/");
            waitFor(() -> rows("ct-registrations").size() == 2 && rows("dm-devices").size() == 1
                    && rows("ct-rejections").size() == 1);

            for (String table : List.of("ct-registrations", "dm-devices", "ct-rejections")) {
                assertThat(rows(table)).allSatisfy(row -> assertThat(row.findElements(By.cssSelector("a.device")))
                        .as(table).isNotEmpty());
            }
            assertThat(rows("dm-devices").get(0).findElement(By.cssSelector("a.device")).getAttribute("href"))
                    .isEqualTo(bench.url("/devices/" + CheckedDevices.PASSING));

            rows("ct-registrations").get(0).findElement(By.cssSelector("a.device")).click();
            waitFor(() -> browser.getCurrentUrl().equals(bench.url("/devices/" + CheckedDevices.FAILING))
                    && checklistRows().size() == 16);
        }
    }

    @Test
    void theDevicePageShowsThePassingDevicesChecklist() {
        try (WebTestBench bench = WebTestBench.declaring(CheckedDevices.METER)) {
            CheckedDevices.passing(bench);
            openDevice(bench, CheckedDevices.PASSING);

            assertThat(text("device-verdict")).isEqualToIgnoringCase("pass");
            assertThat(text("device-counts")).contains("0 fail", "0 warn");
            assertThat(verdict("CT-6")).isEqualTo("pass");
            assertThat(verdict("CT-4")).isEqualTo("pass");
            assertThat(verdict("DM-1")).isEqualTo("not-observed");
            assertThat(text("device-meta")).contains("Smart meter M1");
        }
    }

    @Test
    void theDevicePageShowsAFailingDevicesVerdictsWithTheRecordsBehindThem() throws IOException {
        try (WebTestBench bench = WebTestBench.declaring(CheckedDevices.METER)) {
            CheckedDevices.failing(bench);
            openDevice(bench, CheckedDevices.FAILING);

            assertThat(text("device-verdict")).isEqualToIgnoringCase("fail");
            assertThat(verdict("CT-6")).isEqualTo("fail");
            assertThat(verdict("CT-4")).isEqualTo("warn");
            assertThat(verdict("DM-1")).isEqualTo("fail");
            WebElement ct6 = browser.findElement(By.cssSelector("#checklist tr[data-rule='CT-6']"));
            assertThat(ct6.getText()).contains("re-registered without a change", "seed 2.1");
            WebElement evidence = ct6.findElement(By.cssSelector("ul.evidence a"));
            String record = evidence.getAttribute("href").substring(evidence.getAttribute("href").indexOf('#') + 1);
            assertThat(browser.findElement(By.id(record)).getText()).contains("SWVER BC260YCNAAR01A03");

            Files.createDirectories(DEVICE_SCREENSHOT.getParent());
            Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, DEVICE_SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
            assertThat(Files.size(DEVICE_SCREENSHOT)).isPositive();
        }
    }

    @Test
    void theDevicePageShowsItsMessagesOnTheWireInOrderDecodedWithTheirBytesAClickAway() throws Exception {
        try (LabPlatform platform = LabPlatform.start(new PlatformSettings("127.0.0.1", 0, 0, 0, 0,
                Optional.of("jdbc:h2:mem:browser-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"), Path.of("target"),
                List.of(SampleTraffic.DM_APP), false, Optional.empty()))) {
            SampleTraffic.dmDevice(platform);
            SampleTraffic.retransmittedCoapReport(platform.ports().get("ct-coap"), SampleTraffic.DM_IMEI);
            String web = "http://127.0.0.1:" + platform.ports().get("web");
            browser.get(web + "/devices/" + SampleTraffic.DM_IMEI);
            waitFor(() -> "Live".equals(text("live-text")) && wire("li[data-retransmission]").size() == 2);

            assertThat(wire("li:not([data-kind='empty'])")).extracting(li -> li.getAttribute("data-kind"))
                    .containsExactly("register", "reply", "read", "reply", "update", "reply", "read", "reply",
                            "report", "reply", "report", "reply");
            WebElement register = wire("li[data-kind='register']").get(0);
            assertThat(register.getText()).contains("device → platform", "LwM2M Register, lifetime 300 s",
                    "IMEI " + SampleTraffic.DM_IMEI + ", IMSI " + SampleTraffic.DM_IMSI);
            assertThat(wire("li[data-kind='read'] + li").get(0).getText()).contains("object 666, 14 values decrypted",
                    SampleTraffic.NET_TYPE);
            assertThat(wire("li[data-retransmission] .badge")).extracting(WebElement::getText)
                    .allSatisfy(badge -> assertThat(badge).startsWith("retransmission of #"));

            WebElement hex = register.findElement(By.cssSelector("pre.hexdump"));
            assertThat(hex.isDisplayed()).isFalse();
            register.findElement(By.cssSelector("details summary")).click();
            waitFor(hex::isDisplayed);
            assertThat(hex.getText()).startsWith("0000  ");

            SampleTraffic.coapReport(platform.ports().get("ct-coap"), SampleTraffic.DM_IMEI);
            waitFor(() -> wire("li[data-kind='report']").size() == 3);
            assertThat(wire("li[data-kind='register'] pre.hexdump").get(0).isDisplayed())
                    .as("the bytes opened stay open when the timeline reloads").isTrue();
            assertThat(browser.findElement(By.id("wire-download")).getAttribute("href"))
                    .isEqualTo(web + "/api/devices/" + SampleTraffic.DM_IMEI + "/capture.pcapng");
            assertThat(browser.findElement(By.id("wire-meta")).getText()).startsWith("Every datagram and HTTP exchange");
            assertThat(browser.getPageSource()).doesNotContain(SampleTraffic.PASSWORD);

            Files.createDirectories(TIMELINE_SCREENSHOT.getParent());
            Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, TIMELINE_SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private List<WebElement> wire(String selector) {
        return browser.findElements(By.cssSelector("#wire-timeline " + selector));
    }

    private void openDevice(WebTestBench bench, String imei) {
        browser.get(bench.url("/devices/" + imei));
        waitFor(() -> "Live".equals(browser.findElement(By.id("live-text")).getText()) && checklistRows().size() == 16);
    }

    private List<WebElement> checklistRows() {
        return browser.findElements(By.cssSelector("#checklist tbody tr"));
    }

    private String verdict(String rule) {
        return browser.findElement(By.cssSelector("#checklist tr[data-rule='" + rule + "']")).getAttribute("data-verdict");
    }

    /** A lab afternoon: CT registrations, CMCC devices in several states, a rejection, their events. */
    private static void populate(WebTestBench bench) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int i = 1; i <= 6; i++) {
            CtRegistration r = ctRegistration("86999900000000" + i, "46011123456789" + i, "8986032100000000000" + i);
            bench.records.accepted(new CtRegistration(0, now.minusSeconds(600 - i * 60L), i % 3 == 0 ? "http" : "coap",
                    "127.0.0.1:" + (40100 + i), r.imei(), r.imsi(), r.iccid(), r.model(),
                    i % 2 == 0 ? "BC260YCNAAR01A05" : "BC260YCNAAR01A04", "2", r.reportJson(),
                    ZzhcDialect.parse(i % 3 == 0 ? "v2+http-nb" : "v2")));
        }
        bench.records.rejected(ctRejection("3", "Not a China Telecom IMSI",
                "IMSI 460001234567890 has prefix 46000, not 46003/46005/46011/46012"));
        bench.records.rejected(ctRejection("2", "Invalid MEID", "MEID \"86999900000\" is not 15 digits"));
        List<String> states = List.of("registered", "registered", "expired");
        for (int i = 1; i <= 3; i++) {
            DmDevice d = dmDevice("86999900000010" + i, "46004123456780" + i,
                    i == 3 ? Map.of() : WebTestBench.terminalInfo());
            bench.records.device(new DmDevice(d.endpoint(), d.imei(), d.imsi(), i == 2 ? "M100000099" : d.appKey(),
                    d.tmlType(), states.get(i - 1), i == 1 ? 86400 : 420, now.minusSeconds(900), now.minusSeconds(i * 40L),
                    d.registrationId(), i != 2, d.terminalInfo(), DmDialect.parse("epi-full")),
                    new DmEvent(0, now.minusSeconds(i * 40L), d.endpoint(), d.imei(), "register",
                    i == 2 ? "flagged" : "ok", i == 2 ? "unknown APPkey M100000099: not decrypted" : ""));
            bench.records.event(new DmEvent(0, now.minusSeconds(i * 40L - 1), d.endpoint(), d.imei(), "read",
                    i == 3 ? "failed" : "ok", i == 3 ? "no answer to READ /666/0" : ""));
        }
        bench.records.event(new DmEvent(0, now.minusSeconds(5), WebTestBench.endpoint("869999000000198"),
                "869999000000198", "rejected", "failed", "endpoint names IMEI 869999000000198, its cipher 869999000000199"));
    }

    private void open(WebTestBench bench, String pathAndQuery) {
        browser.get(bench.url(pathAndQuery));
        waitFor(() -> "Live".equals(browser.findElement(By.id("live-text")).getText()));
    }

    private List<WebElement> rows(String tableId) {
        return browser.findElements(By.cssSelector("#" + tableId + " tbody tr"));
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /** Marks the document, so a reload (a new document) would lose the mark. */
    private void markPage() {
        ((JavascriptExecutor) browser).executeScript("window.selfregTestMark = 'still here'");
    }

    private boolean pageWasNotReloaded() {
        return "still here".equals(((JavascriptExecutor) browser).executeScript("return window.selfregTestMark"));
    }

    private void waitFor(BooleanSupplier condition) {
        new WebDriverWait(browser, WAIT).until(driver -> condition.getAsBoolean());
    }
}
