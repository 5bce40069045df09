package dev.selfreg.module;

import static dev.selfreg.module.TestBench.framed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.nvram.NvramImage;
import dev.selfreg.vocabulary.TerminalInfoType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code AT+QDMPCFGEX} (at-commands.md §5, seed 3.2.3): the maximum length of every field in
 * UTF-8 bytes, quoting, parameter counts per act, {@code NULL} for unset values, erase, the
 * test form, and saved values becoming running ones at the next boot.
 */
class QdmpcfgexTest {

    private static final String OK = framed("OK");
    private static final String ERROR = framed("ERROR");
    /** Three bytes in UTF-8, one character. */
    private static final String HAN = "中";

    /** One field of the spec's table: its type, position, name and maximum length in bytes. */
    record Field(int type, int index, String name, int maxBytes) {
        @Override
        public String toString() {
            return "type " + type + " " + name + " (max " + maxBytes + " bytes)";
        }
    }

    /** The table of at-commands.md §5, written out from the spec. */
    private static final List<Field> FIELDS = List.of(
            new Field(0, 0, "APPInfo", 255),
            new Field(1, 0, "MAC", 19),
            new Field(2, 0, "ROM", 19),
            new Field(2, 1, "RAM", 19),
            new Field(2, 2, "CPU", 19),
            new Field(2, 3, "osSysVer", 47),
            new Field(3, 0, "swVer", 47),
            new Field(3, 1, "swName", 47),
            new Field(4, 0, "VoLTE", 7),
            new Field(4, 1, "netType", 19),
            new Field(4, 2, "account", 47),
            new Field(4, 3, "phoneNum", 19),
            new Field(5, 0, "location", 255));

    /** Number of parameters of each type's act 0. */
    private static final int[] FIELD_COUNT = {1, 1, 4, 2, 4, 1};

    /** The seed's example values, one per type. */
    private static final List<List<String>> SEED_VALUES = List.of(
            List.of("Douyin|FW1|990650|9123;Wechat|FW02|80650|9201"),
            List.of("00-01-6C-06-A6-29"),
            List.of("4096KB", "4096KB", "EC616", "FREE RTOS"),
            List.of("BC260YCNAAR01A03", "Quectel"),
            List.of("off", "NB-IoT", "XY05553867549", "18009699999"),
            List.of("31.8438799075,117.2025477950,OTDOA"));

    private static String save(int type, List<String> values) {
        return "AT+QDMPCFGEX=" + type + ",0," + values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(","));
    }

    private static String read(TestBench bench, int type) {
        return bench.at("AT+QDMPCFGEX=" + type + ",1");
    }

    private static String readLine(int type, List<String> values) {
        return framed("+QDMPCFGEX: " + type + "," + String.join(",", values), "OK");
    }

    private static String nullLine(int type) {
        return readLine(type, Collections.nCopies(FIELD_COUNT[type], "NULL"));
    }

    /** A unit with every type saved to the seed's values. */
    private static TestBench allTypesSaved() {
        TestBench bench = new TestBench();
        for (int type = 0; type < SEED_VALUES.size(); type++) {
            bench.given(save(type, SEED_VALUES.get(type)));
        }
        return bench;
    }

    // ---- lengths ---------------------------------------------------------------------------

    /** A value of the field, the others of the type being "x". */
    static List<String> valuesWith(Field field, String value) {
        List<String> values = new ArrayList<>(Collections.nCopies(FIELD_COUNT[field.type()], "x"));
        values.set(field.index(), value);
        return values;
    }

    static Stream<Arguments> fieldsAtMaximum() {
        return FIELDS.stream().flatMap(field -> Stream.of(
                Arguments.of(field, "a".repeat(field.maxBytes()), "ASCII at maximum"),
                Arguments.of(field, HAN.repeat(field.maxBytes() / 3) + "a".repeat(field.maxBytes() % 3),
                        "Chinese at maximum")));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("fieldsAtMaximum")
    void aFieldOfItsMaximumLengthInUtf8BytesIsAccepted(Field field, String value, String what) {
        TestBench bench = new TestBench();
        List<String> values = valuesWith(field, value);

        assertThat(bench.at(save(field.type(), values))).isEqualTo(OK);

        assertThat(read(bench, field.type())).isEqualTo(readLine(field.type(), values));
    }

    static Stream<Arguments> fieldsOverMaximum() {
        return FIELDS.stream().flatMap(field -> Stream.of(
                Arguments.of(field, "a".repeat(field.maxBytes() + 1), "ASCII one byte over"),
                Arguments.of(field, HAN.repeat(field.maxBytes() / 3 + 1),
                        "Chinese over in bytes, not in characters")));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("fieldsOverMaximum")
    void aFieldOverItsMaximumLengthInUtf8BytesIsRejectedAndNothingSaved(Field field, String value, String what) {
        TestBench bench = allTypesSaved();
        NvramImage before = bench.nvram.image();

        assertThat(bench.at(save(field.type(), valuesWith(field, value)))).isEqualTo(ERROR);

        assertThat(bench.nvram.image()).isEqualTo(before);
        assertThat(read(bench, field.type())).isEqualTo(readLine(field.type(), SEED_VALUES.get(field.type())));
    }

    // ---- rejected commands -----------------------------------------------------------------

    static Stream<String> rejected() {
        return Stream.of(
                // unquoted strings
                "AT+QDMPCFGEX=1,0,00-01-6C-06-A6-29",
                "AT+QDMPCFGEX=2,0,\"4096KB\",4096KB,\"EC616\",\"FREE RTOS\"",
                "AT+QDMPCFGEX=3,0,\"BC260YCNAAR01A03\",Quectel",
                "AT+QDMPCFGEX=5,0,31.8438799075",
                // too few parameters
                "AT+QDMPCFGEX=1,0",
                "AT+QDMPCFGEX=2,0,\"4096KB\",\"4096KB\",\"EC616\"",
                "AT+QDMPCFGEX=2,0,\"4096KB\",,\"EC616\",\"FREE RTOS\"",
                "AT+QDMPCFGEX=3,0,\"BC260YCNAAR01A03\"",
                "AT+QDMPCFGEX=4,0,\"off\",\"NB-IoT\",\"XY05553867549\"",
                // too many parameters
                "AT+QDMPCFGEX=0,0,\"a\",\"b\"",
                "AT+QDMPCFGEX=1,0,\"00-01-6C-06-A6-29\",\"x\"",
                "AT+QDMPCFGEX=2,0,\"4096KB\",\"4096KB\",\"EC616\",\"FREE RTOS\",\"x\"",
                "AT+QDMPCFGEX=3,0,\"a\",\"b\",\"c\"",
                "AT+QDMPCFGEX=4,0,\"off\",\"NB-IoT\",\"XY05553867549\",\"18009699999\",\"x\"",
                "AT+QDMPCFGEX=5,0,\"a\",",
                // type outside 0-5, act outside 0-2
                "AT+QDMPCFGEX=6,0,\"a\"",
                "AT+QDMPCFGEX=6,1",
                "AT+QDMPCFGEX=6,2",
                "AT+QDMPCFGEX=-1,1",
                "AT+QDMPCFGEX=1,3",
                "AT+QDMPCFGEX=1,3,\"a\"",
                "AT+QDMPCFGEX=1,-1",
                // act 1 and 2 take no parameters
                "AT+QDMPCFGEX=1,1,\"00-01-6C-06-A6-29\"",
                "AT+QDMPCFGEX=1,2,\"00-01-6C-06-A6-29\"",
                "AT+QDMPCFGEX=2,1,\"a\",\"b\",\"c\",\"d\"",
                "AT+QDMPCFGEX=2,2,\"a\",\"b\",\"c\",\"d\"",
                "AT+QDMPCFGEX=5,2,",
                // missing type or act, forms the command does not have
                "AT+QDMPCFGEX=1",
                "AT+QDMPCFGEX=",
                "AT+QDMPCFGEX=,1",
                "AT+QDMPCFGEX?",
                "AT+QDMPCFGEX");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void anInvalidCommandAnswersErrorAndChangesNothing(String command) {
        TestBench bench = allTypesSaved();
        NvramImage before = bench.nvram.image();

        assertThat(bench.at(command)).isEqualTo(ERROR);

        assertThat(bench.nvram.image()).isEqualTo(before);
        for (int type = 0; type < SEED_VALUES.size(); type++) {
            assertThat(read(bench, type)).isEqualTo(readLine(type, SEED_VALUES.get(type)));
        }
    }

    // ---- NULL, erase, separators -----------------------------------------------------------

    static Stream<Arguments> nullLines() {
        return Stream.of(
                Arguments.of(0, "+QDMPCFGEX: 0,NULL"),
                Arguments.of(1, "+QDMPCFGEX: 1,NULL"),
                Arguments.of(2, "+QDMPCFGEX: 2,NULL,NULL,NULL,NULL"),
                Arguments.of(3, "+QDMPCFGEX: 3,NULL,NULL"),
                Arguments.of(4, "+QDMPCFGEX: 4,NULL,NULL,NULL,NULL"),
                Arguments.of(5, "+QDMPCFGEX: 5,NULL"));
    }

    @ParameterizedTest(name = "AT+QDMPCFGEX={0},1 -> {1}")
    @MethodSource("nullLines")
    void readingANeverSetTypeShowsNullInEachField(int type, String line) {
        TestBench bench = new TestBench();

        assertThat(read(bench, type)).isEqualTo(framed(line, "OK"));
    }

    @ParameterizedTest(name = "AT+QDMPCFGEX={0},2 -> {1}")
    @MethodSource("nullLines")
    void eraseThenReadShowsNullAndLeavesTheOtherTypes(int type, String line) {
        TestBench bench = allTypesSaved();

        assertThat(bench.at("AT+QDMPCFGEX=" + type + ",2")).isEqualTo(OK);

        assertThat(read(bench, type)).isEqualTo(framed(line, "OK"));
        for (int other = 0; other < SEED_VALUES.size(); other++) {
            if (other != type) {
                assertThat(read(bench, other)).isEqualTo(readLine(other, SEED_VALUES.get(other)));
            }
        }
        bench.reboot();
        assertThat(read(bench, type)).isEqualTo(framed(line, "OK"));
        assertThat(bench.module.running().orElseThrow().terminalInfo().isSet(TerminalInfoType.of(type).orElseThrow())).isFalse();
    }

    @Test
    void erasingANeverSetTypeIsFine() {
        TestBench bench = new TestBench();

        assertThat(bench.at("AT+QDMPCFGEX=4,2")).isEqualTo(OK);
        assertThat(read(bench, 4)).isEqualTo(nullLine(4));
    }

    @Test
    void separatorsAreStoredAsGiven() {
        TestBench bench = new TestBench();
        String appInfo = "Douyin|FW1|990650|9123;;Wechat||80650|;|;QQ|FW03|11650|92551;";

        bench.given(save(0, List.of(appInfo)));

        assertThat(read(bench, 0)).isEqualTo(readLine(0, List.of(appInfo)));
        bench.reboot();
        assertThat(read(bench, 0)).isEqualTo(readLine(0, List.of(appInfo)));
        assertThat(bench.module.running().orElseThrow().terminalInfo().values(TerminalInfoType.APP_INFO))
                .containsExactly(appInfo);
    }

    @Test
    void saveReplacesAllFieldsOfTheType() {
        TestBench bench = allTypesSaved();

        bench.given(save(2, List.of("8MB", "NULL", "ARM", "")));

        assertThat(read(bench, 2)).isEqualTo(readLine(2, List.of("8MB", "NULL", "ARM", "")));
    }

    // ---- test form, persistence ------------------------------------------------------------

    @Test
    void testFormListsTypesAndActs() {
        TestBench bench = new TestBench();

        assertThat(bench.at("AT+QDMPCFGEX=?")).isEqualTo(framed("+QDMPCFGEX: (0-5),(0-2)", "OK"));
    }

    @Test
    void savedValuesSurviveRebootAndBecomeRunningOnlyAtBoot() {
        TestBench bench = allTypesSaved();

        TerminalInfo running = bench.module.running().orElseThrow().terminalInfo();
        for (TerminalInfoType type : TerminalInfoType.values()) {
            assertThat(running.isSet(type)).as("%s before reboot", type).isFalse();
            assertThat(running.values(type)).as("%s before reboot", type)
                    .containsOnly("NULL").hasSize(FIELD_COUNT[type.code()]);
        }

        bench.reboot();

        running = bench.module.running().orElseThrow().terminalInfo();
        for (int type = 0; type < SEED_VALUES.size(); type++) {
            assertThat(read(bench, type)).isEqualTo(readLine(type, SEED_VALUES.get(type)));
            assertThat(running.values(TerminalInfoType.of(type).orElseThrow())).as("type %d after reboot", type)
                    .isEqualTo(SEED_VALUES.get(type));
        }

        bench.given("AT+QDMPCFGEX=1,2", save(3, List.of("v2", "other")));

        assertThat(bench.module.running().orElseThrow().terminalInfo().values(TerminalInfoType.MAC))
                .containsExactly("00-01-6C-06-A6-29");
        assertThat(bench.module.running().orElseThrow().terminalInfo().values(TerminalInfoType.SOFTWARE))
                .containsExactly("BC260YCNAAR01A03", "Quectel");
        bench.module.powerCycle();
        bench.booted();
        assertThat(bench.module.running().orElseThrow().terminalInfo().values(TerminalInfoType.MAC))
                .containsExactly("NULL");
        assertThat(bench.module.running().orElseThrow().terminalInfo().values(TerminalInfoType.SOFTWARE))
                .containsExactly("v2", "other");
    }
}
