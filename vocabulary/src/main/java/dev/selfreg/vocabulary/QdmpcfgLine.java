package dev.selfreg.vocabulary;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One information line of the module's answers to {@code AT+QDMPCFG} (seed 3.2.2; spec
 * at-commands.md §4): {@code +QDMPCFG: <type>,<values>} for the configuration types 0-2, which
 * the query and {@code AT+QDMPCFG=4,<queryOpt>} show, and for type 6, the state. The module
 * {@link #format()}s them and a host {@link #parse}s them, so both read the same line the same
 * way. Strings go unquoted; a value holding a comma is read back whole only as the password,
 * the one field that may.
 */
public sealed interface QdmpcfgLine permits QdmpcfgLine.Mode, QdmpcfgLine.Server, QdmpcfgLine.Credentials,
        QdmpcfgLine.State {

    /** What every line starts with, before a space. */
    String PREFIX = "+QDMPCFG:";

    /** The {@code <type>} the line opens with. */
    int type();

    /** The values after the type, as the line shows them. */
    List<String> values();

    /** The line as the module sends it: {@code +QDMPCFG: 1,117.161.2.41,5683,86400}. */
    default String format() {
        return PREFIX + " " + type() + "," + String.join(",", values());
    }

    /**
     * {@code +QDMPCFG: 0,<DM_Mode>}.
     *
     * @param mode 0 CMDMP access forbidden, 1 allowed
     */
    record Mode(int mode) implements QdmpcfgLine {
        public static final int TYPE = 0;

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public List<String> values() {
            return List.of(Integer.toString(mode));
        }
    }

    /**
     * {@code +QDMPCFG: 1,<serverIP>,<server_Port>,<update_Period>}.
     *
     * @param address      IP address or domain name
     * @param port         UDP port
     * @param updatePeriod seconds between Updates
     */
    record Server(String address, int port, long updatePeriod) implements QdmpcfgLine {
        public static final int TYPE = 1;

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public List<String> values() {
            return List.of(address, Integer.toString(port), Long.toString(updatePeriod));
        }
    }

    /**
     * {@code +QDMPCFG: 2,<APPkey>,<password>,<tmlType>,<tmlIMEI>}; unset strings are empty.
     *
     * @param appKey       CMDMP application key
     * @param password     as the module shows it: masked (seed 3.2.2)
     * @param terminalType the {@code <tmlType>}
     * @param terminalImei the {@code <tmlIMEI>}
     */
    record Credentials(String appKey, String password, TerminalType terminalType, String terminalImei)
            implements QdmpcfgLine {
        public static final int TYPE = 2;
        /** Characters of the password the module shows before {@link #STARS} (seed 3.2.2 password). */
        public static final int SHOWN_CHARS = 4;
        /** What stands for the rest of the password. */
        public static final String STARS = "****";

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public List<String> values() {
            return List.of(appKey, password, Integer.toString(terminalType.code()), terminalImei);
        }

        /**
         * How the module shows a password: its first {@link #SHOWN_CHARS} characters and
         * {@link #STARS}, only {@link #STARS} when it has no more than that (spec at-commands.md
         * §4, Interpretation), empty when none is set; counted in code points, so no half of a
         * character is ever shown.
         */
        public static String mask(String password) {
            if (password.isEmpty()) {
                return "";
            }
            if (password.codePointCount(0, password.length()) <= SHOWN_CHARS) {
                return STARS;
            }
            return password.substring(0, password.offsetByCodePoints(0, SHOWN_CHARS)) + STARS;
        }
    }

    /**
     * {@code +QDMPCFG: 6,<DMstate>}.
     *
     * @param state the module's CMDMP state
     */
    record State(DmState state) implements QdmpcfgLine {
        public static final int TYPE = 6;

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public List<String> values() {
            return List.of(Integer.toString(state.code()));
        }
    }

    /**
     * The line of {@code kind} among {@code lines}, if there is one; lines of other types, or
     * that are no {@code +QDMPCFG:} line, are passed over.
     *
     * @throws IllegalArgumentException when that line is malformed or there are two (the message
     *                                  says how)
     */
    static <T extends QdmpcfgLine> Optional<T> find(List<String> lines, Class<T> kind) {
        String type = Integer.toString(typeOf(kind));
        List<String> found = lines.stream()
                .filter(line -> line.startsWith(PREFIX) && fields(line)[0].strip().equals(type))
                .toList();
        if (found.size() > 1) {
            throw new IllegalArgumentException("more than one " + PREFIX + " " + type + " line: " + found);
        }
        return found.stream().findFirst().map(line -> kind.cast(parse(line)));
    }

    /**
     * Reads a line the module sent.
     *
     * @throws IllegalArgumentException when it is not a well-formed {@code +QDMPCFG:} line of
     *                                  type 0, 1, 2 or 6 (the message says how)
     */
    static QdmpcfgLine parse(String line) {
        if (!line.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a " + PREFIX + " line: " + line);
        }
        String[] fields = fields(line);
        String type = fields[0].strip();
        return switch (type.matches("[0-9]{1,9}") ? Integer.parseInt(type) : -1) {
            case Mode.TYPE -> {
                expect(fields, 2, "0,<DM_Mode>");
                yield new Mode(Integer.parseInt(fields[1].strip()));
            }
            case Server.TYPE -> {
                expect(fields, 4, "1,<serverIP>,<server_Port>,<update_Period>");
                yield new Server(fields[1], Integer.parseInt(fields[2].strip()), Long.parseLong(fields[3].strip()));
            }
            case Credentials.TYPE -> {
                if (fields.length < 5) {
                    throw new IllegalArgumentException("expected 2,<APPkey>,<password>,<tmlType>,<tmlIMEI>: " + line);
                }
                // the password is the one field that may hold commas: it takes what the others leave
                int last = fields.length - 1;
                int code = Integer.parseInt(fields[last - 1].strip());
                TerminalType terminalType = TerminalType.of(code)
                        .orElseThrow(() -> new IllegalArgumentException("no tmlType " + code + ": " + line));
                yield new Credentials(fields[1], String.join(",", Arrays.copyOfRange(fields, 2, last - 1)),
                        terminalType, fields[last]);
            }
            case State.TYPE -> {
                expect(fields, 2, "6,<DMstate>");
                yield new State(new DmState(Integer.parseInt(fields[1].strip())));
            }
            default -> throw new IllegalArgumentException("no " + PREFIX + " line of type " + type + ": " + line);
        };
    }

    /** The comma-separated fields after the prefix, the type first. */
    private static String[] fields(String line) {
        return line.substring(PREFIX.length()).stripLeading().split(",", -1);
    }

    private static void expect(String[] fields, int count, String shape) {
        if (fields.length != count) {
            throw new IllegalArgumentException("expected " + shape + ", got " + String.join(",", fields));
        }
    }

    /** The {@code <type>} lines of {@code kind} open with. */
    static int typeOf(Class<? extends QdmpcfgLine> kind) {
        if (kind == Mode.class) {
            return Mode.TYPE;
        }
        if (kind == Server.class) {
            return Server.TYPE;
        }
        return kind == Credentials.class ? Credentials.TYPE : State.TYPE;
    }
}
