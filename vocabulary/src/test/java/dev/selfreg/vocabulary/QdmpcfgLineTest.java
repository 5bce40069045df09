package dev.selfreg.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The {@code +QDMPCFG:} lines of spec at-commands.md §4, formatted and read back. */
class QdmpcfgLineTest {

    /** The seed's {@code AT+QDMPCFG?} example (3.2.2). */
    private static final List<String> SEED_QUERY = List.of(
            "+QDMPCFG: 0,1",
            "+QDMPCFG: 1,117.161.2.7,5683,420",
            "+QDMPCFG: 2,M100000089,95Go****,1,863703030822519");

    @Test
    void formatsTheSeedsQueryExample() {
        assertThat(List.of(new QdmpcfgLine.Mode(1), new QdmpcfgLine.Server("117.161.2.7", 5683, 420),
                new QdmpcfgLine.Credentials("M100000089", "95Go****", TerminalType.LINUX, "863703030822519")))
                .extracting(QdmpcfgLine::format)
                .containsExactlyElementsOf(SEED_QUERY);
    }

    @Test
    void formatsTheStateLine() {
        assertThat(new QdmpcfgLine.State(DmState.UPDATED).format()).isEqualTo("+QDMPCFG: 6,11");
    }

    @Test
    void parsesTheSeedsQueryExample() {
        assertThat(SEED_QUERY).extracting(QdmpcfgLine::parse).containsExactly(new QdmpcfgLine.Mode(1),
                new QdmpcfgLine.Server("117.161.2.7", 5683, 420),
                new QdmpcfgLine.Credentials("M100000089", "95Go****", TerminalType.LINUX, "863703030822519"));
    }

    @Property(tries = 300)
    void serverLinesRoundTrip(@ForAll @AlphaChars @StringLength(min = 1, max = 63) String address,
                              @ForAll @IntRange(min = 1, max = 65535) int port,
                              @ForAll @LongRange(min = 300, max = 4294966) long period) {
        QdmpcfgLine line = new QdmpcfgLine.Server(address, port, period);

        assertThat(QdmpcfgLine.parse(line.format())).isEqualTo(line);
    }

    @Property(tries = 300)
    void credentialLinesRoundTripEvenWithCommasInThePassword(
            @ForAll @AlphaChars @StringLength(max = 63) String appKey,
            @ForAll @StringLength(max = 63) String password,
            @ForAll TerminalType type,
            @ForAll @NumericChars @StringLength(max = 17) String imei) {
        QdmpcfgLine line = new QdmpcfgLine.Credentials(appKey, password, type, imei);

        assertThat(QdmpcfgLine.parse(line.format())).isEqualTo(line);
    }

    @Property(tries = 300)
    void stateLinesRoundTripWhateverTheNumber(@ForAll @IntRange(min = 0, max = 255) int code) {
        QdmpcfgLine line = new QdmpcfgLine.State(new DmState(code));

        assertThat(QdmpcfgLine.parse(line.format())).isEqualTo(line);
    }

    @Test
    void unsetCredentialsAreEmptyFields() {
        assertThat(QdmpcfgLine.parse("+QDMPCFG: 2,,,0,"))
                .isEqualTo(new QdmpcfgLine.Credentials("", "", TerminalType.INTERFACE, ""));
    }

    @Test
    void thePasswordShowsItsFirstFourCharactersOnly() {
        assertThat(QdmpcfgLine.Credentials.mask("0123456789ABCDEFGHIJKLMNOPQRSTUV")).isEqualTo("0123****");
        assertThat(QdmpcfgLine.Credentials.mask("95Go")).isEqualTo("****");
        assertThat(QdmpcfgLine.Credentials.mask("")).isEmpty();
        assertThat(QdmpcfgLine.Credentials.mask("抖音\uD83D\uDE00x12")).isEqualTo("抖音\uD83D\uDE00x****");
    }

    @Test
    void findPassesOverLinesOfOtherTypes() {
        assertThat(QdmpcfgLine.find(SEED_QUERY, QdmpcfgLine.Server.class))
                .hasValue(new QdmpcfgLine.Server("117.161.2.7", 5683, 420));
        assertThat(QdmpcfgLine.find(List.of("+QDMPCFGEX: 1,NULL", "+QDMPCFG: 3,x", "+QDMPCFG: 6,6"),
                QdmpcfgLine.State.class)).hasValue(new QdmpcfgLine.State(DmState.REGISTERED));
        assertThat(QdmpcfgLine.find(SEED_QUERY, QdmpcfgLine.State.class)).isEmpty();
    }

    @Test
    void findRefusesTwoLinesOfItsType() {
        assertThatThrownBy(() -> QdmpcfgLine.find(List.of("+QDMPCFG: 6,6", "+QDMPCFG: 6,11"), QdmpcfgLine.State.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("more than one +QDMPCFG: 6 line");
    }

    @Test
    void malformedLinesAreRefusedSayingWhatWasExpected() {
        assertThatThrownBy(() -> QdmpcfgLine.parse("+QDMPCFG: 1,117.161.2.7,5683"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("expected 1,<serverIP>,<server_Port>,<update_Period>");
        assertThatThrownBy(() -> QdmpcfgLine.parse("+QDMPCFG: 2,M1,95Go****,7,863703030822519"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("no tmlType 7");
        assertThatThrownBy(() -> QdmpcfgLine.parse("+QDMPCFG: 3,1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("no +QDMPCFG: line of type 3");
        assertThatThrownBy(() -> QdmpcfgLine.parse("+QDMPCFGEX: 1,NULL"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a +QDMPCFG: line");
        assertThatThrownBy(() -> QdmpcfgLine.parse("+QDMPCFG: 0,on"))
                .isInstanceOf(NumberFormatException.class);
    }
}
