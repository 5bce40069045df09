package dev.selfreg.at;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AtCommandLineTest {

    @Test
    void theFourFormsOfAnExtendedCommand() {
        assertThat(AtCommandLine.parse("+QDMPCFG=?").form()).isEqualTo(AtForm.TEST);
        assertThat(AtCommandLine.parse("+QDMPCFG?").form()).isEqualTo(AtForm.QUERY);
        assertThat(AtCommandLine.parse("+QDMPCFG=6").form()).isEqualTo(AtForm.SET);
        assertThat(AtCommandLine.parse("+CGMR").form()).isEqualTo(AtForm.EXECUTE);
    }

    @Test
    void commandNamesAreCaseInsensitive() {
        assertThat(AtCommandLine.parse("+qsregenable?").name()).isEqualTo("+QSREGENABLE");
    }

    @Test
    void bareAtIsTheEmptyCommand() {
        assertThat(AtCommandLine.parse("")).isEqualTo(new AtCommandLine("", AtForm.EXECUTE, List.of()));
    }

    @Test
    void basicCommandsTakeAnOptionalNumber() {
        assertThat(AtCommandLine.parse("E0")).isEqualTo(new AtCommandLine("E", AtForm.SET, List.of(new AtArg("0", false))));
        assertThat(AtCommandLine.parse("i")).isEqualTo(new AtCommandLine("I", AtForm.EXECUTE, List.of()));
    }

    @Test
    void anAmpersandAndALetterNameABasicCommand() {
        assertThat(AtCommandLine.parse("&w")).isEqualTo(new AtCommandLine("&W", AtForm.EXECUTE, List.of()));
        assertThat(AtCommandLine.parse("&F0")).isEqualTo(new AtCommandLine("&F", AtForm.SET, List.of(new AtArg("0", false))));
        for (String bad : List.of("&", "&1", "&&W", "&W+")) {
            assertThatThrownBy(() -> AtCommandLine.parse(bad)).as(bad).isInstanceOf(AtSyntaxException.class);
        }
    }

    @Test
    void quotedStringsKeepCommasAndSpaces() {
        AtCommandLine line = AtCommandLine.parse("+QDMPCFGEX=5,0,\"31.8438799075,117.2025477950,OTDOA\"");
        assertThat(line.args()).containsExactly(new AtArg("5", false), new AtArg("0", false),
                new AtArg("31.8438799075,117.2025477950,OTDOA", true));
        assertThat(AtCommandLine.parse("+X=\"FREE RTOS\"").args()).containsExactly(new AtArg("FREE RTOS", true));
    }

    @Test
    void omittedParametersAreMarked() {
        assertThat(AtCommandLine.parse("+QDMPCFG=1,,5683,").args())
                .containsExactly(new AtArg("1", false), AtArg.omitted(), new AtArg("5683", false), AtArg.omitted());
    }

    @Test
    void spacesAroundParametersAreDropped() {
        assertThat(AtCommandLine.parse("+QDMPCFG= 0 , 1 ").args())
                .containsExactly(new AtArg("0", false), new AtArg("1", false));
    }

    @Test
    void malformedLinesAreSyntaxErrors() {
        for (String bad : List.of("+", "+X=\"open", "+X=\"a\"b", "+X=a\"b\"", "+X!", "E0x", "#", "+X?=")) {
            assertThatThrownBy(() -> AtCommandLine.parse(bad)).as(bad).isInstanceOf(AtSyntaxException.class);
        }
    }
}
