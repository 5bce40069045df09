package dev.selfreg.platform.ct;

import dev.selfreg.platform.core.PlatformMetrics;
import dev.selfreg.platform.core.PlatformRecords;
import dev.selfreg.platform.store.JdbcPlatformStore;
import dev.selfreg.protocol.zzhc.ZzhcReport;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/** A ZZHC service on a fresh in-memory H2 store, and the reports the wire spec talks about. */
final class ZzhcFixtures {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    /** The spec's test vector, Base64 as a module sends it. */
    static final String TEST_VECTOR = "eyJSRUdWRVIiOiIyIiwiTUVJRCI6Ijg2OTk5OTAwMDAwMDAwMSIsIk1PREVMIjoiUXVlY3RlbC1CQzI2MFktQ04iLCJTV1ZFUiI6IkJDMjYwWUNOQUFSMDFBMDQiLCJTSU0xSUNDSUQiOiI4OTg2MDMyMTAwMDAwMDAwMDAwMSIsIlNJTTFMVEVJTVNJIjoiNDYwMTExMjM0NTY3ODkwIn0=";

    final PlatformRecords records = new PlatformRecords(JdbcPlatformStore.open(
            "jdbc:h2:mem:zzhc" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1", null, null));
    final PlatformMetrics metrics = new PlatformMetrics();
    final ZzhcService service = new ZzhcService(records, metrics, Clock.systemUTC());

    /** A v2 report, Base64-encoded. */
    static String report(String imei, String iccid, String imsi) {
        return new String(ZzhcReport.v2(imei, "Quectel-BC260Y-CN", "BC260YCNAAR01A04", iccid, imsi).encode(),
                StandardCharsets.US_ASCII);
    }

    /** Arbitrary JSON, Base64-encoded as a report would be. */
    static String encoded(String json) {
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
