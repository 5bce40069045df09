package dev.selfreg.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The {@code +QDMPCFGEX:} read-back line of spec at-commands.md §5. */
class QdmpcfgexLineTest {

    @Test
    void formatsTheSeedsReadBackExample() {
        assertThat(new QdmpcfgexLine(TerminalInfoType.HARDWARE, List.of("4096KB", "4096KB", "EC616", "FREE RTOS")).format())
                .isEqualTo("+QDMPCFGEX: 2,4096KB,4096KB,EC616,FREE RTOS");
    }

    @Test
    void theLastValueKeepsItsCommas() {
        QdmpcfgexLine line = QdmpcfgexLine.parse("+QDMPCFGEX: 5,31.8438799075,117.2025477950,OTDOA");

        assertThat(line.type()).isEqualTo(TerminalInfoType.LOCATION);
        assertThat(line.value(TerminalInfoField.LOCATION)).isEqualTo("31.8438799075,117.2025477950,OTDOA");
    }

    @Test
    void valuesAreReadByField() {
        QdmpcfgexLine line = QdmpcfgexLine.parse("+QDMPCFGEX: 4,off,NB-IoT,XY05553867549,18009699999");

        assertThat(line.value(TerminalInfoField.NET_TYPE)).isEqualTo("NB-IoT");
        assertThat(line.value(TerminalInfoField.PHONE_NUM)).isEqualTo("18009699999");
        assertThatThrownBy(() -> line.value(TerminalInfoField.MAC)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MAC is not a field of NETWORK");
    }

    @Property(tries = 300)
    void linesRoundTrip(@ForAll("lines") QdmpcfgexLine line) {
        assertThat(QdmpcfgexLine.parse(line.format())).isEqualTo(line);
    }

    @Provide
    Arbitrary<QdmpcfgexLine> lines() {
        return Arbitraries.of(TerminalInfoType.class).flatMap(type -> {
            List<Arbitrary<String>> values = type.fields().stream().<Arbitrary<String>>map(field -> field.isLast()
                    ? Arbitraries.strings().ofMaxLength(field.maxBytes())
                    : Arbitraries.strings().excludeChars(',').ofMaxLength(field.maxBytes())).toList();
            return Combinators.combine(values).as(list -> new QdmpcfgexLine(type, list));
        });
    }

    @Test
    void findTakesTheOnlyReadBackLine() {
        assertThat(QdmpcfgexLine.find(List.of("+QDMPCFGEX: 1,00-01-6C-06-A6-29")))
                .hasValue(new QdmpcfgexLine(TerminalInfoType.MAC, List.of("00-01-6C-06-A6-29")));
        assertThat(QdmpcfgexLine.find(List.of("+QDMPCFG: 6,6"))).isEmpty();
        assertThatThrownBy(() -> QdmpcfgexLine.find(List.of("+QDMPCFGEX: 1,NULL", "+QDMPCFGEX: 1,NULL")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("more than one +QDMPCFGEX: line");
    }

    @Test
    void aLineNeedsItsTypesNumberOfValues() {
        assertThatThrownBy(() -> QdmpcfgexLine.parse("+QDMPCFGEX: 3,BC260YCNAAR01A03"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("expected 2 values of type 3");
        assertThatThrownBy(() -> new QdmpcfgexLine(TerminalInfoType.MAC, List.of("a", "b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("MAC has 1 fields, not 2");
    }

    @Test
    void anUnknownTypeIsRefused() {
        assertThatThrownBy(() -> QdmpcfgexLine.parse("+QDMPCFGEX: 6,x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("no AT+QDMPCFGEX type 6");
        assertThatThrownBy(() -> QdmpcfgexLine.parse("+QDMPCFGEX: (0-5),(0-2)"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("no AT+QDMPCFGEX type (0-5)");
        assertThatThrownBy(() -> QdmpcfgexLine.parse("+QDMPCFG: 1,x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a +QDMPCFGEX: line");
    }
}
