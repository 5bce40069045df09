package dev.selfreg.checks.rules;

import static dev.selfreg.checks.Observations.CT_ICCID;
import static dev.selfreg.checks.Observations.FIRMWARE;
import static dev.selfreg.checks.Observations.device;
import static dev.selfreg.checks.Observations.h;
import static dev.selfreg.checks.Observations.min;
import static dev.selfreg.checks.Observations.s;
import static dev.selfreg.checks.rules.RuleTests.judge;
import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.checks.CheckResult;
import dev.selfreg.checks.Product;
import dev.selfreg.checks.ProductFile;
import dev.selfreg.checks.Verdict;
import dev.selfreg.checks.observed.DmMessage.ReadOutcome;
import dev.selfreg.checks.observed.IdentityCheck;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The China Mobile rules of certification-checks.md: for each a pass, a failure with its evidence, "not observed". */
class ChinaMobileRulesTest {

    private static final String CM_ICCID = "89860012345678901234";
    private static final String CM_IMSI = "460041234567890";

    /** The meter's object 666 as METER declares it. */
    private static Map<Integer, String> meterInfo() {
        Map<Integer, String> values = new HashMap<>();
        values.put(6601, "Linux");
        values.put(6603, "00-01-6C-06-A6-29");
        values.put(6608, "meter-fw-1.2");
        values.put(6609, "selfreg-meter");
        values.put(6612, "NULL");
        return values;
    }

    @Nested
    class Dm1EndpointDecrypts {
        @Test
        void aVerifiedEndpointWithTheSimsImsiPasses() {
            CheckResult result = judge("DM-1", device().boot(s(0), CM_ICCID, CM_IMSI, FIRMWARE).register(s(1), 3646).build());

            assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        }

        @Test
        void anEndpointThatDecryptsToAnotherIdentityFails() {
            CheckResult result = judge("DM-1", device().register(s(0), IdentityCheck.MISMATCH, true, 3646, false).build());

            assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(result.evidence()).singleElement().satisfies(e -> {
                assertThat(e.ref()).isEqualTo("dm-event 1");
                assertThat(e.detail()).startsWith("endpoint mismatch");
            });
        }

        @Test
        void anImsiInsideOtherThanTheSimsFails() {
            CheckResult result = judge("DM-1",
                    device().boot(s(0), CM_ICCID, "460049999999999", FIRMWARE).register(s(1), 3646).build());

            assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(result.evidence().get(0).detail()).contains("460041234567890", "460049999999999");
        }

        @Test
        void chinaTelecomReportsAreNoRegisters() {
            assertThat(judge("DM-1", device().report(s(0), CT_ICCID, FIRMWARE, "0").build()).verdict())
                    .isEqualTo(Verdict.NOT_OBSERVED);
        }

        @Test
        void anUnknownAppKeyIsNotObserved() {
            CheckResult result = judge("DM-1", device().register(s(0), IdentityCheck.NOT_CHECKED, false, 3646, true).build());

            assertThat(result.verdict()).isEqualTo(Verdict.NOT_OBSERVED);
            assertThat(result.summary()).contains("--dm-app");
        }
    }

    @Nested
    class Dm2DeclaredAppKey {
        @Test
        void theDeclaredAppKeyPasses() {
            assertThat(judge("DM-2", device().register(s(0), 3646).build()).verdict()).isEqualTo(Verdict.PASS);
        }

        @Test
        void anAppKeyThePlatformDoesNotKnowFails() {
            CheckResult result = judge("DM-2", device().register(s(0), IdentityCheck.NOT_CHECKED, false, 3646, true).build());

            assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(result.evidence().get(0).detail()).isEqualTo("APPkey M100000000 is not one the platform knows (--dm-app)");
        }

        @Test
        void anotherThanTheDeclaredAppKeyFails() {
            Product other = ProductFile.parse("cmdmp: {appkey: M100000099}", "other.yaml");

            CheckResult result = judge("DM-2", device().register(s(0), 3646).build(), other);

            assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(result.evidence().get(0).detail()).isEqualTo("APPkey M100000000, declared M100000099");
        }

        @Test
        void noRegisterIsNotObserved() {
            assertThat(judge("DM-2", device().build()).verdict()).isEqualTo(Verdict.NOT_OBSERVED);
        }
    }

    @Nested
    class Dm3LifetimeCoversPeriod {
        @Test
        void thePeriodPlus46SecondsPasses() {
            assertThat(judge("DM-3", device().register(s(0), 3646).build()).verdict()).isEqualTo(Verdict.PASS);
        }

        @Test
        void aLifetimeShorterThanThePeriodFails() {
            CheckResult result = judge("DM-3", device().register(s(0), 600).build());

            assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(result.evidence().get(0).detail()).isEqualTo("lt 600 s is shorter than the declared period 3600 s");
        }

        @Test
        void withoutADeclaredPeriodItIsNotObserved() {
            CheckResult result = judge("DM-3", device().register(s(0), 3646).build(), Product.UNDECLARED);

            assertThat(result.verdict()).isEqualTo(Verdict.NOT_OBSERVED);
            assertThat(result.summary()).contains("update-period");
        }
    }

    @Nested
    class Dm4UpdatesEveryPeriod {
        @Test
        void anUpdateEveryHourPasses() {
            CheckResult result = judge("DM-4", device().register(s(0), 3646).update(h(1)).update(h(2)).until(h(2)).build());

            assertThat(result.verdict()).isEqualTo(Verdict.PASS);
            assertThat(result.evidence()).hasSize(2);
        }

        @Test
        void updatesDriftingFifteenPercentLateFail() {
            CheckResult result = judge("DM-4", device().register(s(0), 3646).update(s(4140)).build());

            assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(result.evidence()).singleElement().satisfies(e -> {
                assertThat(e.ref()).isEqualTo("dm-event 2");
                assertThat(e.detail()).isEqualTo("Update 1 h 9 min after dm-event 1, declared 1 h ± 10 %");
            });
        }

        @Test
        void anEpiThatDoesNotDecryptFails() {
            CheckResult result = judge("DM-4", device().register(s(0), 3646).update(h(1), IdentityCheck.MISMATCH, false)
                    .build());

            assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(result.evidence().get(0).detail()).startsWith("epi mismatch");
        }

        @Test
        void noUpdateForTwoPeriodsFails() {
            CheckResult result = judge("DM-4", device().register(s(0), 3646).until(h(3)).build());

            assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(result.evidence().get(0).detail()).startsWith("no Update for 3 h since this");
        }

        @Test
        void aRegisterWithinThePeriodIsNotObserved() {
            assertThat(judge("DM-4", device().register(s(0), 3646).until(min(30)).build()).verdict())
                    .isEqualTo(Verdict.NOT_OBSERVED);
        }
    }

    @Nested
    class Dm5TerminalInfoAnswered {
        @Test
        void aCompleteAnswerAfterTheRegisterPasses() {
            CheckResult result = judge("DM-5", device().register(s(0), 3646).read(s(1), ReadOutcome.DECRYPTED, meterInfo())
                    .build());

            assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        }

        @Test
        void aDeclaredValueLeftNullFailsNamingIt() {
            Map<Integer, String> values = meterInfo();
            values.put(6608, "NULL");

            CheckResult result = judge("DM-5", device().register(s(0), 3646).read(s(1), ReadOutcome.DECRYPTED, values)
                    .build());

            assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(result.evidence()).singleElement().satisfies(e -> {
                assertThat(e.ref()).isEqualTo("dm-event 2");
                assertThat(e.detail()).isEqualTo("swVer (6608) is \"NULL\", declared set");
            });
        }

        @Test
        void aReadWithoutAnswerFails() {
            CheckResult result = judge("DM-5", device().register(s(0), 3646).read(s(5), ReadOutcome.FAILED, null).build());

            assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(result.evidence().get(0).detail()).contains("no answer");
        }

        @Test
        void aRegisterNotReadYetIsNotObserved() {
            assertThat(judge("DM-5", device().register(s(0), 3646).build()).verdict()).isEqualTo(Verdict.NOT_OBSERVED);
        }
    }

    @Nested
    class Dm6RegisterRetriesThenSilence {
        @Test
        void silenceUntilTheNextBootPasses() {
            CheckResult result = judge("DM-6", device().boot(s(0), CM_ICCID, CM_IMSI, FIRMWARE)
                    .register(s(1), IdentityCheck.MISMATCH, true, 3646, false)
                    .boot(h(1), CM_ICCID, CM_IMSI, FIRMWARE).register(h(1).plusSeconds(1), 3646).build());

            assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        }

        @Test
        void aNewRegisterInTheSameBootFails() {
            CheckResult result = judge("DM-6", device().boot(s(0), CM_ICCID, CM_IMSI, FIRMWARE)
                    .register(s(1), IdentityCheck.MISMATCH, true, 3646, false).register(min(5), 3646).build());

            assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(result.evidence()).singleElement().satisfies(e -> {
                assertThat(e.ref()).isEqualTo("dm-event 2");
                assertThat(e.detail()).isEqualTo("a new Register 4 min 59 s after the refused dm-event 1, in the same boot");
            });
        }

        @Test
        void aRegisterAfterARefusedOneWithoutKnownBootsIsNotObserved() {
            CheckResult result = judge("DM-6", device().register(s(1), IdentityCheck.MISMATCH, true, 3646, false)
                    .register(min(5), 3646).build());

            assertThat(result.verdict()).isEqualTo(Verdict.NOT_OBSERVED);
        }

        @Test
        void noRefusedRegisterIsNotObserved() {
            assertThat(judge("DM-6", device().register(s(0), 3646).build()).verdict()).isEqualTo(Verdict.NOT_OBSERVED);
        }
    }

    @Nested
    class Dm7FreshRegisterAfterEnd {
        @Test
        void aFreshRegisterAfterAnExpiryPasses() {
            CheckResult result = judge("DM-7", device().register(s(0), 3646).expiry(s(3646)).register(h(2), 3646).build());

            assertThat(result.verdict()).isEqualTo(Verdict.PASS);
            assertThat(result.evidence().get(0).ref()).isEqualTo("dm-event 3");
        }

        @Test
        void noRegisterForMoreThanAPeriodAfterAnExpiryFails() {
            CheckResult result = judge("DM-7", device().register(s(0), 3646).expiry(s(3646)).until(h(3)).build());

            assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(result.evidence()).singleElement().satisfies(e -> {
                assertThat(e.ref()).isEqualTo("dm-event 2");
                assertThat(e.detail()).startsWith("no fresh Register since");
            });
        }

        @Test
        void anExpiryJustObservedIsNotObservedYet() {
            assertThat(judge("DM-7", device().register(s(0), 3646).expiry(s(3646)).build()).verdict())
                    .isEqualTo(Verdict.NOT_OBSERVED);
        }

        @Test
        void noEndIsNotObserved() {
            assertThat(judge("DM-7", device().register(s(0), 3646).build()).verdict()).isEqualTo(Verdict.NOT_OBSERVED);
        }
    }
}
