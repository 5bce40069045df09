package dev.selfreg.module;

import static dev.selfreg.module.TestBench.framed;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example of the seed's chapter 3 (sections 3.2.1 to 3.2.3), verbatim, over the byte
 * interface: the command as the seed prints it, the module's answer as the seed prints it with
 * the {@code <CR><LF>} framing the seed leaves out (3.1.2). Each example runs on a unit brought
 * into the state the seed's sequence implies, set up over AT like a host would.
 * The two {@code AT+QDMPCFG=6} examples answering 6 (registered) and 11 (updated) need a CMDMP
 * registration and live in {@code dm.DmSeedExamplesTest}.
 */
class SeedExamplesTest {

    private static final String APP_INFO =
            "Douyin|FW1|990650|9123;Wechat|FW02|80650|9201;QQ|FW03|11650|92551;Alipay|FW88|22650|5555;Zhihu|FW333|77750|65101";

    /** One seed example: what the host did before, the command, the answer lines. */
    record Example(String section, List<String> given, String command, List<String> answer) {
        @Override
        public String toString() {
            return section + " " + command;
        }
    }

    private static Example example(String section, List<String> given, String command, String... answer) {
        return new Example(section, given, command, List.of(answer));
    }

    static Stream<Arguments> examples() {
        return Stream.of(
                example("3.2.1", List.of("AT+QSREGENABLE=0"), "AT+QSREGENABLE?", "+QSREGENABLE: 0", "OK"),
                example("3.2.1", List.of(), "AT+QSREGENABLE=1", "OK"),
                example("3.2.2", List.of("AT+QDMPCFG=0,1", "AT+QDMPCFG=1,117.161.2.7,5683,420",
                                "AT+QDMPCFG=2,\"M100000089\",\"95GoAbCd1234\",1,863703030822519", "AT+QRST=1"),
                        "AT+QDMPCFG?",
                        "+QDMPCFG: 0,1", "+QDMPCFG: 1,117.161.2.7,5683,420",
                        "+QDMPCFG: 2,M100000089,95Go****,1,863703030822519", "OK"),
                example("3.2.2", List.of(), "AT+QDMPCFG=0,0", "OK"),
                example("3.2.2", List.of("AT+QDMPCFG=0,0"), "AT+QDMPCFG=4,0", "+QDMPCFG: 0,0", "OK"),
                example("3.2.2", List.of(), "AT+QDMPCFG=1,117.161.2.7,5683,420", "OK"),
                example("3.2.2", List.of("AT+QDMPCFG=1,117.161.2.7,5683,420"), "AT+QDMPCFG=4,1",
                        "+QDMPCFG: 1,117.161.2.7,5683,420", "OK"),
                example("3.2.2", List.of(), "AT+QDMPCFG=2,\"M100000089\",\"95Go****\",1,863703030822519", "OK"),
                example("3.2.2", List.of("AT+QDMPCFG=2,\"M100000089\",\"95Go****\",1,863703030822519"),
                        "AT+QDMPCFG=4,2", "+QDMPCFG: 2,M100000089,95Go****,1,863703030822519", "OK"),
                example("3.2.2", List.of(), "AT+QDMPCFG=5,4", "OK"),
                example("3.2.3", List.of(), "AT+QDMPCFGEX=0,0,\"" + APP_INFO + "\"", "OK"),
                example("3.2.3", List.of("AT+QDMPCFGEX=0,0,\"" + APP_INFO + "\""), "AT+QDMPCFGEX=0,1",
                        "+QDMPCFGEX: 0," + APP_INFO, "OK"),
                example("3.2.3", List.of("AT+QDMPCFGEX=0,0,\"" + APP_INFO + "\""), "AT+QDMPCFGEX=0,2", "OK"),
                example("3.2.3", List.of(), "AT+QDMPCFGEX=1,0,\"00-01-6C-06-A6-29\"", "OK"),
                example("3.2.3", List.of("AT+QDMPCFGEX=1,0,\"00-01-6C-06-A6-29\""), "AT+QDMPCFGEX=1,1",
                        "+QDMPCFGEX: 1,00-01-6C-06-A6-29", "OK"),
                example("3.2.3", List.of("AT+QDMPCFGEX=1,0,\"00-01-6C-06-A6-29\""), "AT+QDMPCFGEX=1,2", "OK"),
                example("3.2.3", List.of(), "AT+QDMPCFGEX=2,0,\"4096KB\",\"4096KB\",\"EC616\",\"FREE RTOS\"", "OK"),
                example("3.2.3", List.of("AT+QDMPCFGEX=2,0,\"4096KB\",\"4096KB\",\"EC616\",\"FREE RTOS\""),
                        "AT+QDMPCFGEX=2,1", "+QDMPCFGEX: 2,4096KB,4096KB,EC616,FREE RTOS", "OK"),
                example("3.2.3", List.of("AT+QDMPCFGEX=2,0,\"4096KB\",\"4096KB\",\"EC616\",\"FREE RTOS\""),
                        "AT+QDMPCFGEX=2,2", "OK"),
                example("3.2.3", List.of(), "AT+QDMPCFGEX=3,0,\"BC260YCNAAR01A03\",\"Quectel\"", "OK"),
                example("3.2.3", List.of("AT+QDMPCFGEX=3,0,\"BC260YCNAAR01A03\",\"Quectel\""), "AT+QDMPCFGEX=3,1",
                        "+QDMPCFGEX: 3,BC260YCNAAR01A03,Quectel", "OK"),
                example("3.2.3", List.of("AT+QDMPCFGEX=3,0,\"BC260YCNAAR01A03\",\"Quectel\""), "AT+QDMPCFGEX=3,2", "OK"),
                example("3.2.3", List.of(), "AT+QDMPCFGEX=4,0,\"off\",\"NB-IoT\",\"XY05553867549\",\"18009699999\"", "OK"),
                example("3.2.3", List.of("AT+QDMPCFGEX=4,0,\"off\",\"NB-IoT\",\"XY05553867549\",\"18009699999\""),
                        "AT+QDMPCFGEX=4,1", "+QDMPCFGEX: 4,off,NB-IoT,XY05553867549,18009699999", "OK"),
                example("3.2.3", List.of("AT+QDMPCFGEX=4,0,\"off\",\"NB-IoT\",\"XY05553867549\",\"18009699999\""),
                        "AT+QDMPCFGEX=4,2", "OK"),
                example("3.2.3", List.of(), "AT+QDMPCFGEX=5,0,\"31.8438799075,117.2025477950,OTDOA\"", "OK"),
                example("3.2.3", List.of("AT+QDMPCFGEX=5,0,\"31.8438799075,117.2025477950,OTDOA\""), "AT+QDMPCFGEX=5,1",
                        "+QDMPCFGEX: 5,31.8438799075,117.2025477950,OTDOA", "OK"),
                example("3.2.3", List.of("AT+QDMPCFGEX=5,0,\"31.8438799075,117.2025477950,OTDOA\""), "AT+QDMPCFGEX=5,2", "OK")
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("examples")
    void seedExampleAnswersVerbatim(Example example) {
        TestBench bench = new TestBench();
        for (String command : example.given()) {
            if (command.equals("AT+QRST=1")) {
                bench.reboot();
            } else {
                assertThat(bench.at(command)).as(command).isEqualTo(framed("OK"));
            }
        }
        assertThat(bench.at(example.command())).isEqualTo(framed(example.answer().toArray(String[]::new)));
    }
}
