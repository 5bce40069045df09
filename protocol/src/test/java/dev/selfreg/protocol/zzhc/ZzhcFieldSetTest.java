package dev.selfreg.protocol.zzhc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The field sets of ct-zzhc-wire.md, "Request body" and "Dialects real clients send". */
class ZzhcFieldSetTest {

    private static final List<String> V2 = List.of("REGVER", "MEID", "MODEL", "SWVER", "SIM1ICCID", "SIM1LTEIMSI");

    @Test
    void theTestVectorsSixFieldsAreRegver2() {
        assertThat(ZzhcFieldSet.classify("2", V2)).isEqualTo(new ZzhcFieldSet.Match.Matched(ZzhcFieldSet.V2));
    }

    @Test
    void olderFirmwaresModelsmsCountsAsModel() {
        List<String> keys = List.of("REGVER", "MEID", "MODELSMS", "SWVER", "SIM1ICCID", "SIM1LTEIMSI");

        assertThat(ZzhcFieldSet.classify("2", keys)).isEqualTo(new ZzhcFieldSet.Match.Matched(ZzhcFieldSet.V2));
    }

    @Test
    void regver5WithTheSixFieldsIsTheNbIotBuild() {
        assertThat(ZzhcFieldSet.classify("5.0", V2)).isEqualTo(new ZzhcFieldSet.Match.Matched(ZzhcFieldSet.V5_NB_IOT));
    }

    @Test
    void regver5WithImei1IsTheCat1Build() {
        List<String> keys = List.of("REGVER", "MEID", "MODEL", "SWVER", "IMEI1", "SIM1CDMAIMSI", "SIM1ICCID",
                "SIM1LTEIMSI", "SIM1CELLID", "REGDATE");

        assertThat(ZzhcFieldSet.classify("5.0", keys)).isEqualTo(new ZzhcFieldSet.Match.Matched(ZzhcFieldSet.V5_CAT1));
    }

    @Test
    void regver5Cat1WithoutItsDateIsUnmatchedNamingIt() {
        List<String> keys = List.of("REGVER", "MEID", "MODEL", "SWVER", "IMEI1", "SIM1CDMAIMSI", "SIM1ICCID",
                "SIM1LTEIMSI", "SIM1CELLID");

        assertThat(ZzhcFieldSet.classify("5.0", keys))
                .isEqualTo(new ZzhcFieldSet.Match.Unmatched(ZzhcFieldSet.V5_CAT1, "missing REGDATE"));
    }

    @Test
    void anEndDevicesFieldsAreRegver7() {
        List<String> keys = List.of("REGVER", "MEID", "MODEL", "SWVER", "SIM1ICCID", "SIM1LTEIMSI", "UETYPE", "MACID",
                "OSVER", "IMEI2", "SIM2ICCID", "ACCESSTYPE");

        assertThat(ZzhcFieldSet.classify("7.0", keys)).isEqualTo(new ZzhcFieldSet.Match.Matched(ZzhcFieldSet.END_DEVICE));
    }

    @Test
    void anExtraFieldInAV2ReportIsUnmatchedNamingIt() {
        List<String> keys = List.of("REGVER", "MEID", "MODEL", "SWVER", "SIM1ICCID", "SIM1LTEIMSI", "UETYPE");

        assertThat(ZzhcFieldSet.classify("2", keys))
                .isEqualTo(new ZzhcFieldSet.Match.Unmatched(ZzhcFieldSet.V2, "not of REGVER 2, NB-IoT fields: UETYPE"));
    }

    @Test
    void regver1IsChinaUnicomsReport() {
        assertThat(ZzhcFieldSet.classify("1", V2)).isInstanceOfSatisfying(ZzhcFieldSet.Match.Unmatched.class,
                unmatched -> assertThat(unmatched.reason()).contains("China Unicom"));
    }

    @Test
    void anUnknownRegverIsUnmatched() {
        assertThat(ZzhcFieldSet.classify("3", V2)).isInstanceOf(ZzhcFieldSet.Match.Unmatched.class);
    }
}
