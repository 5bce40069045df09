package dev.selfreg.at;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.selfreg.at.Param.Quoting;
import dev.selfreg.vocabulary.CmeError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignatureTest {

    private static List<AtArg> args(String params) {
        return AtCommandLine.splitParameters(params);
    }

    private static void assertRejected(Signature signature, String params) {
        assertThatThrownBy(() -> signature.bind(args(params))).as(params)
                .isInstanceOfSatisfying(AtException.class,
                        e -> assertThat(e.error()).isEqualTo(CmeError.INCORRECT_PARAMETERS));
    }

    @Test
    void integersAreCheckedAtBothEndsOfTheirRange() {
        Signature period = Signature.of(Param.integer("period", 300, 4294966));
        assertRejected(period, "299");
        assertThat(period.bind(args("300")).longInteger("period")).isEqualTo(300);
        assertThat(period.bind(args("4294966")).longInteger("period")).isEqualTo(4294966);
        assertRejected(period, "4294967");
        assertRejected(period, "99999999999999999999999");
    }

    @Test
    void integersMustBeBareDecimalDigits() {
        Signature mode = Signature.of(Param.integer("mode", 0, 1));
        assertRejected(mode, "\"1\"");
        assertRejected(mode, "-1");
        assertRejected(mode, "0x1");
        assertRejected(mode, "1a");
    }

    @Test
    void stringLengthsAreCountedInBytes() {
        Signature mac = Signature.of(Param.string("MAC", 0, 19, Quoting.REQUIRED));
        assertThat(mac.bind(args("\"" + "A".repeat(19) + "\"")).string("MAC")).hasSize(19);
        assertRejected(mac, "\"" + "A".repeat(20) + "\"");
        assertRejected(mac, "\"" + "移".repeat(7) + "\"");
    }

    @Test
    void requiredQuotingRejectsBareWords() {
        assertRejected(Signature.of(Param.string("s", 0, 9, Quoting.REQUIRED)), "abc");
        assertThat(Signature.of(Param.string("s", 0, 9, Quoting.OPTIONAL)).bind(args("abc")).string("s")).isEqualTo("abc");
    }

    @Test
    void extraRulesApply() {
        Signature imei = Signature.of(Param.string("imei", 15, 17, Quoting.OPTIONAL)
                .matching(s -> s.chars().allMatch(Character::isDigit), "digits"));
        assertThat(imei.bind(args("863703030822519")).string("imei")).isEqualTo("863703030822519");
        assertRejected(imei, "86370303082251X");
    }

    @Test
    void missingRequiredAndSurplusParametersAreRejected() {
        Signature two = Signature.of(Param.integer("a", 0, 9), Param.integer("b", 0, 9).optional());
        assertRejected(two, "");
        assertRejected(two, ",1");
        assertRejected(two, "1,2,3");
        Args one = two.bind(args("1"));
        assertThat(one.has("b")).isFalse();
        assertThat(two.bind(args("1,")).has("b")).isFalse();
    }

    @Test
    void aSelectorChoosesTheParametersThatFollow() {
        Signature typed = Signature.select(Param.integer("type", 0, 6), Map.of(
                0, Signature.of(Param.integer("mode", 0, 1)),
                6, Signature.of()));
        Args zero = typed.bind(args("0,1"));
        assertThat(zero.integer("type")).isZero();
        assertThat(zero.integer("mode")).isEqualTo(1);
        assertThat(typed.bind(args("6")).integer("type")).isEqualTo(6);
        assertRejected(typed, "3");
        assertRejected(typed, "7");
        assertRejected(typed, "6,1");
        assertRejected(typed, "0");
    }

    @Test
    void controlCharactersInStringsAreRejected() {
        Signature text = Signature.of(Param.string("s", 0, 99, Quoting.REQUIRED));
        assertRejected(text, "\"a\nOK\"");
        assertRejected(text, "\"tab\there\"");
        assertRejected(text, "\"del\u007f\"");
        assertThat(text.bind(args("\"FREE RTOS|;,\"")).string("s")).isEqualTo("FREE RTOS|;,");
    }

    @Test
    void anIntegerRangeShowsOneValueAloneTwoSideBySideAndMoreAsARange() {
        assertThat(Signature.of(Param.integer("snt", 1, 1)).ranges()).isEqualTo("(1)");
        assertThat(Signature.of(Param.integer("n", 0, 1)).ranges()).isEqualTo("(0,1)");
        assertThat(Signature.of(Param.integer("mode", 0, 2)).ranges()).isEqualTo("(0-2)");
        assertThat(Signature.of(Param.integer("period", 300, 4294966)).ranges()).isEqualTo("(300-4294966)");
    }

    @Test
    void rangesFollowTheParametersInOrderWithStringsByName() {
        Signature server = Signature.of(
                Param.string("serverIP", 1, 63, Quoting.OPTIONAL),
                Param.integer("port", 1, 65535).optional(),
                Param.string("key", 1, 63, Quoting.REQUIRED).optional());

        assertThat(server.ranges()).isEqualTo("<serverIP>,(1-65535),<key>");
        assertThat(Signature.of().ranges()).isEmpty();
    }

    @Test
    void aSelectorShowsTheValuesItHasBranchesForInRuns() {
        Signature none = Signature.of();

        assertThat(Signature.select(Param.integer("opt", 0, 4), Map.of(0, none, 1, none, 2, none, 4, none)).ranges())
                .isEqualTo("(0-2,4)");
        assertThat(Signature.select(Param.integer("opt", 0, 9), Map.of(0, none, 1, none, 3, none, 5, none, 6, none, 7, none, 9, none))
                .ranges()).isEqualTo("(0,1,3,5-7,9)");
        assertThat(Signature.select(Param.integer("opt", 0, 9), Map.of(7, none)).ranges()).isEqualTo("(7)");
    }

    @Test
    void aSelectorShowsWhatItsBranchesShareAndStopsWhereTheyDiffer() {
        Signature act = Signature.select(Param.integer("act", 0, 2), Map.of(
                0, Signature.of(Param.string("MAC", 0, 19, Quoting.REQUIRED)), 1, Signature.of(), 2, Signature.of()));
        Signature otherAct = Signature.select(Param.integer("act", 0, 2), Map.of(
                0, Signature.of(Param.string("location", 0, 255, Quoting.REQUIRED)), 1, Signature.of(), 2, Signature.of()));

        assertThat(Signature.select(Param.integer("type", 0, 1), Map.of(0, act, 1, otherAct)).ranges()).isEqualTo("(0,1),(0-2)");
        assertThat(Signature.select(Param.integer("type", 0, 1), Map.of(0, act, 1, Signature.of())).ranges()).isEqualTo("(0,1)");
    }

    @Test
    void aSelectorsTestFormHasALinePerValueWithItsBranchsRanges() {
        Signature none = Signature.of();
        Signature typed = Signature.select(Param.integer("type", 0, 6), Map.of(
                6, none,
                0, Signature.of(Param.integer("mode", 0, 1)),
                5, Signature.select(Param.integer("eraseOpt", 0, 4), Map.of(0, none, 1, none, 2, none, 4, none)),
                1, Signature.of(Param.string("serverIP", 1, 63, Quoting.OPTIONAL), Param.integer("port", 1, 65535).optional())));

        assertThat(typed.rangesBySelectorValue()).containsExactly("0,(0,1)", "1,<serverIP>,(1-65535)", "5,(0-2,4)", "6");
    }

    @Test
    void aFixedListHasNoLinePerSelectorValue() {
        assertThatThrownBy(() -> Signature.of(Param.integer("mode", 0, 2)).rangesBySelectorValue())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSelectorNeedsABranch() {
        assertThatThrownBy(() -> Signature.select(Param.integer("type", 0, 6), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("type");
    }
}
