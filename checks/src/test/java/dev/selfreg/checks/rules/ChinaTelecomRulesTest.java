package dev.selfreg.checks.rules;

import static dev.selfreg.checks.Observations.CT_ICCID;
import static dev.selfreg.checks.Observations.CT_IMSI;
import static dev.selfreg.checks.Observations.FIRMWARE;
import static dev.selfreg.checks.Observations.device;
import static dev.selfreg.checks.Observations.h;
import static dev.selfreg.checks.Observations.min;
import static dev.selfreg.checks.Observations.s;
import static dev.selfreg.checks.Observations.v2Fields;
import static dev.selfreg.checks.rules.RuleTests.judge;
import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.checks.CheckResult;
import dev.selfreg.checks.Product;
import dev.selfreg.checks.Verdict;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The China Telecom rules of certification-checks.md: for each a pass, a failure with its evidence, "not observed". */
class ChinaTelecomRulesTest {

    private static final String SPEC_VECTOR = "eyJSRUdWRVIiOiIyIiwiTUVJRCI6Ijg2OTk5OTAwMDAwMDAwMSIsIk1PREVMIjoiUXVlY3RlbC1CQzI2MFktQ04iLCJTV1ZFUiI6IkJDMjYwWUNOQUFSMDFBMDQiLCJTSU0xSUNDSUQiOiI4OTg2MDMyMTAwMDAwMDAwMDAwMSIsIlNJTTFMVEVJTVNJIjoiNDYwMTExMjM0NTY3ODkwIn0=";

    @Nested
    class Ct1ReportDecodes {
        @Test
        void theSpecsTestVectorDecodes() {
            CheckResult result = judge("CT-1", device().reportBody(s(0), SPEC_VECTOR, "0").build());

            assertThat(result.verdict()).isEqualTo(Verdict.PASS);
            assertThat(result.evidence()).singleElement().satisfies(e -> assertThat(e.detail()).contains("REGVER 2"));
        }

        @Test
        void aValueThatIsAJsonNumberFailsNamingTheField() {
            Map<String, Object> fields = v2Fields("SRL-M1", FIRMWARE, CT_ICCID, CT_IMSI);
            fields.put("UETYPE", 1);

            CheckResult result = judge("CT-1", device().reportJson(s(0), fields, "0").build());

            assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(result.evidence()).singleElement().satisfies(e -> {
                assertThat(e.ref()).isEqualTo("ct-report 1");
                assertThat(e.detail()).contains("UETYPE", "number", "not a string");
            });
        }

        @Test
        void aBrokenRegdateYearFails() {
            Map<String, Object> fields = v2Fields("SRL-M1", FIRMWARE, CT_ICCID, CT_IMSI);
            fields.put("REGDATE", "202024-11-26 08:00:00");

            CheckResult result = judge("CT-1", device().reportJson(s(0), fields, "0").build());

            assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(result.evidence().get(0).detail()).contains("REGDATE \"202024-11-26 08:00:00\"");
        }

        @Test
        void aBodyThatIsNotBase64FailsWithTheLabsReason() {
            CheckResult result = judge("CT-1", device().reportBody(s(0), "{\"REGVER\":\"2\"}", "1").build());

            assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(result.evidence().get(0).detail()).startsWith("Malformed");
        }

        @Test
        void noReportIsNotObserved() {
            assertThat(judge("CT-1", device().build()).verdict()).isEqualTo(Verdict.NOT_OBSERVED);
        }
    }

    @Nested
    class Ct2FieldsMatchRegver {
        @Test
        void theSixV2FieldsMatchRegver2() {
            CheckResult result = judge("CT-2", device().report(s(0)).build());

            assertThat(result.verdict()).isEqualTo(Verdict.PASS);
            assertThat(result.evidence().get(0).detail()).isEqualTo("REGVER 2, NB-IoT fields");
        }

        @Test
        void aCat1FieldInAV2ReportFails() {
            Map<String, Object> fields = v2Fields("SRL-M1", FIRMWARE, CT_ICCID, CT_IMSI);
            fields.put("REGDATE", "2026-11-26 08:00:00");

            CheckResult result = judge("CT-2", device().reportJson(s(0), fields, "0").build());

            assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(result.evidence().get(0).detail()).contains("REGDATE");
        }

        @Test
        void aBodyThatIsNoJsonObjectIsNotObserved() {
            assertThat(judge("CT-2", device().reportBody(s(0), "bm90IGpzb24=", "1").build()).verdict())
                    .isEqualTo(Verdict.NOT_OBSERVED);
        }
    }

    @Nested
    class Ct3ModelNamesVendor {
        @Test
        void theDeclaredVendorCodeAndModelPass() {
            assertThat(judge("CT-3", device().report(s(0)).build()).verdict()).isEqualTo(Verdict.PASS);
        }

        @Test
        void theCodecsOwnVectorWarnsOnItsVendorCode() {
            CheckResult result = judge("CT-3", device().reportBody(s(0), SPEC_VECTOR, "0").build());

            assertThat(result.verdict()).isEqualTo(Verdict.WARN);
            assertThat(result.evidence().get(0).detail())
                    .isEqualTo("MODEL \"Quectel-BC260Y-CN\": \"Quectel\" is no vendor code (1 to 3 characters)");
        }

        @Test
        void aFurtherDashWarns() {
            Map<String, Object> fields = v2Fields("SRL-BC260Y-CN", FIRMWARE, CT_ICCID, CT_IMSI);

            CheckResult result = judge("CT-3", device().reportJson(s(0), fields, "0").build());

            assertThat(result.verdict()).isEqualTo(Verdict.WARN);
            assertThat(result.evidence().get(0).detail()).contains("a further '-'");
        }

        @Test
        void noReportIsNotObserved() {
            assertThat(judge("CT-3", device().build()).verdict()).isEqualTo(Verdict.NOT_OBSERVED);
        }
    }

    @Nested
    class Ct4SwverAsFiled {
        @Test
        void theDeclaredVersionPasses() {
            assertThat(judge("CT-4", device().report(s(0)).build()).verdict()).isEqualTo(Verdict.PASS);
        }

        @Test
        void anotherVersionWarnsWithBoth() {
            CheckResult result = judge("CT-4", device().report(s(0), CT_ICCID, "BC260YCNAAR01A03", "0").build());

            assertThat(result.verdict()).isEqualTo(Verdict.WARN);
            assertThat(result.evidence().get(0).detail()).isEqualTo("SWVER BC260YCNAAR01A03, declared BC260YCNAAR01A04");
        }

        @Test
        void withoutADeclaredVersionItIsNotObserved() {
            CheckResult result = judge("CT-4", device().report(s(0)).build(), Product.UNDECLARED);

            assertThat(result.verdict()).isEqualTo(Verdict.NOT_OBSERVED);
            assertThat(result.summary()).contains("swver");
        }
    }

    @Nested
    class Ct5ChinaTelecomCard {
        @Test
        void aChinaTelecomImsiAndA8986IccidPass() {
            assertThat(judge("CT-5", device().report(s(0)).build()).verdict()).isEqualTo(Verdict.PASS);
        }

        @Test
        void aChinaMobileImsiFails() {
            Map<String, Object> fields = v2Fields("SRL-M1", FIRMWARE, CT_ICCID, "460041234567890");

            CheckResult result = judge("CT-5", device().reportJson(s(0), fields, "3").build());

            assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(result.evidence().get(0).detail()).startsWith("IMSI 460041234567890 is not a China Telecom IMSI");
        }

        @Test
        void anIccidNotStarting8986Fails() {
            Map<String, Object> fields = v2Fields("SRL-M1", FIRMWARE, "89440321000000000001", CT_IMSI);

            CheckResult result = judge("CT-5", device().reportJson(s(0), fields, "0").build());

            assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(result.evidence().get(0).detail()).contains("ICCID 89440321000000000001");
        }

        @Test
        void noReportIsNotObserved() {
            assertThat(judge("CT-5", device().build()).verdict()).isEqualTo(Verdict.NOT_OBSERVED);
        }
    }

    @Nested
    class Ct6NoReportWithoutChange {
        @Test
        void aSecondBootWithoutAReportPasses() {
            CheckResult result = judge("CT-6", device().ctBoot(s(0)).report(s(1)).ctBoot(h(1)).until(h(2)).build());

            assertThat(result.verdict()).isEqualTo(Verdict.PASS);
            assertThat(result.evidence().get(0).ref()).isEqualTo("boot 2");
        }

        @Test
        void aReportAgainAfterABootWithNothingChangedFails() {
            CheckResult result = judge("CT-6", device().ctBoot(s(0)).report(s(1)).ctBoot(h(1)).report(h(1).plusSeconds(1))
                    .build());

            assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(result.evidence()).singleElement().satisfies(e -> {
                assertThat(e.ref()).isEqualTo("ct-report 2");
                assertThat(e.detail()).startsWith("re-registered without a change").contains("ct-report 1", CT_ICCID);
            });
        }

        @Test
        void aReportAgainAfterAFirmwareUpgradePasses() {
            CheckResult result = judge("CT-6", device().ctBoot(s(0)).report(s(1))
                    .boot(h(1), CT_ICCID, CT_IMSI, "BC260YCNAAR01A05")
                    .report(h(1).plusSeconds(1), CT_ICCID, "BC260YCNAAR01A05", "0").build());

            assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        }

        @Test
        void oneReportAndNoLaterBootIsNotObserved() {
            assertThat(judge("CT-6", device().report(s(0)).build()).verdict()).isEqualTo(Verdict.NOT_OBSERVED);
        }
    }

    @Nested
    class Ct7ReportAfterEachChange {
        @Test
        void aNewCardThatIsReportedPasses() {
            CheckResult result = judge("CT-7", device().ctBoot(s(0)).report(s(1))
                    .boot(h(1), "89860321000000000099", CT_IMSI, FIRMWARE)
                    .report(h(1).plusSeconds(1), "89860321000000000099", FIRMWARE, "0").build());

            assertThat(result.verdict()).isEqualTo(Verdict.PASS);
            assertThat(result.evidence()).hasSize(2);
        }

        @Test
        void aNewCardWithoutAReportFailsNamingTheBoot() {
            CheckResult result = judge("CT-7", device().ctBoot(s(0)).report(s(1))
                    .boot(h(1), "89860321000000000099", CT_IMSI, FIRMWARE).until(h(2)).build());

            assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(result.evidence()).singleElement().satisfies(e -> {
                assertThat(e.ref()).isEqualTo("boot 2");
                assertThat(e.detail()).contains("89860321000000000099", "no report in this boot");
            });
        }

        @Test
        void theLastBootsReportIsWaitedForFiveMinutes() {
            CheckResult result = judge("CT-7", device().ctBoot(s(0)).until(min(4)).build());

            assertThat(result.verdict()).isEqualTo(Verdict.NOT_OBSERVED);
        }

        @Test
        void withoutKnownBootsItIsNotObserved() {
            CheckResult result = judge("CT-7", device().report(s(0)).build());

            assertThat(result.verdict()).isEqualTo(Verdict.NOT_OBSERVED);
            assertThat(result.summary()).contains("boots are not known");
        }
    }

    @Nested
    class Ct8RetriesSpacedAndCounted {
        @Test
        void retriesAnHourApartPass() {
            CheckResult result = judge("CT-8", device().ctBoot(s(0)).report(s(1), CT_ICCID, FIRMWARE, "9")
                    .report(h(1).plusSeconds(2), CT_ICCID, FIRMWARE, "0").build());

            assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        }

        @Test
        void aRetryTenMinutesAfterAFailureInTheSameBootFails() {
            CheckResult result = judge("CT-8", device().ctBoot(s(0)).report(s(1), CT_ICCID, FIRMWARE, "9")
                    .report(min(10), CT_ICCID, FIRMWARE, "0").build());

            assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(result.evidence()).singleElement().satisfies(e -> {
                assertThat(e.ref()).isEqualTo("ct-report 2");
                assertThat(e.detail()).startsWith("attempt 9 min 59 s after the failure in ct-report 1");
            });
        }

        @Test
        void aFourthAttemptInANbIotBootFails() {
            CheckResult result = judge("CT-8", device().ctBoot(s(0)).report(s(1), CT_ICCID, FIRMWARE, "9")
                    .report(h(1).plusSeconds(2), CT_ICCID, FIRMWARE, "9")
                    .report(h(2).plusSeconds(3), CT_ICCID, FIRMWARE, "9")
                    .report(h(3).plusSeconds(4), CT_ICCID, FIRMWARE, "9").build());

            assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(result.evidence()).anySatisfy(e -> assertThat(e.detail()).startsWith("4 attempts in this boot, at most 3"));
        }

        @Test
        void anAttemptSoonAfterAFailureWithoutKnownBootsIsNotObserved() {
            CheckResult result = judge("CT-8", device().report(s(0), CT_ICCID, FIRMWARE, "9")
                    .report(min(1), CT_ICCID, FIRMWARE, "0").build());

            assertThat(result.verdict()).isEqualTo(Verdict.NOT_OBSERVED);
            assertThat(result.summary()).contains("cannot be told from a new boot");
        }

        @Test
        void noFailureIsNotObserved() {
            assertThat(judge("CT-8", device().report(s(0)).build()).verdict()).isEqualTo(Verdict.NOT_OBSERVED);
        }
    }

    @Nested
    class Ct9FirstReportSoonAfterAttach {
        @Test
        void aReportASecondAfterTheAttachPasses() {
            assertThat(judge("CT-9", device().ctBoot(s(0)).report(s(1)).build()).verdict()).isEqualTo(Verdict.PASS);
        }

        @Test
        void aFirstReportSixMinutesAfterTheAttachWarns() {
            CheckResult result = judge("CT-9", device().ctBoot(s(0)).report(min(6)).build());

            assertThat(result.verdict()).isEqualTo(Verdict.WARN);
            assertThat(result.evidence().get(0).detail()).isEqualTo("first report 6 min after the attach of boot 1");
        }

        @Test
        void withoutAnAttachTimeItIsNotObserved() {
            assertThat(judge("CT-9", device().report(s(0)).build()).verdict()).isEqualTo(Verdict.NOT_OBSERVED);
        }
    }
}
