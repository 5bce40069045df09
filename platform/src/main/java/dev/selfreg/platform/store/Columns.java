package dev.selfreg.platform.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * How record values go into the tables' columns and come back, the same on H2 and PostgreSQL: times as
 * {@code TIMESTAMP WITH TIME ZONE} in UTC, everything else as JDBC maps it.
 */
final class Columns {

    private Columns() {
    }

    static void bind(PreparedStatement statement, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i] instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : values[i];
            statement.setObject(i + 1, value);
        }
    }

    static Instant instant(ResultSet row, int column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }

    /** A dialect as its code, {@code NULL} when there is none. */
    static <D> String dialect(Optional<D> dialect, Function<D, String> code) {
        return dialect.map(code).orElse(null);
    }

    /**
     * A dialect read back from its code; none for {@code NULL} (a record stored before dialects were recorded).
     *
     * @throws StoreException for a code this selfreg does not know
     */
    static <D> Optional<D> dialect(ResultSet row, int column, Function<String, Optional<D>> parse)
            throws SQLException {
        String code = row.getString(column);
        if (code == null) {
            return Optional.empty();
        }
        return Optional.of(parse.apply(code).orElseThrow(
                () -> new StoreException("stored dialect " + code + " is not one this selfreg knows", null)));
    }

    /**
     * The arguments of a search over {@code columns} columns ({@code LIKE ?} each): the text anywhere in the
     * value, its own wildcards dropped; none without a search.
     */
    /** {@code id} first, then {@code rest}: the arguments of a query of the rows numbered below {@code id}. */
    static Object[] before(long id, Object[] rest) {
        Object[] args = new Object[rest.length + 1];
        args[0] = id;
        System.arraycopy(rest, 0, args, 1, rest.length);
        return args;
    }

    static Object[] search(String text, int columns) {
        if (text == null) {
            return new Object[0];
        }
        Object[] args = new Object[columns];
        Arrays.fill(args, "%" + searchText(text) + "%");
        return args;
    }

    /** What a search looks for in a value: the text, its own wildcards dropped. */
    static String searchText(String text) {
        return text.replace("%", "").replace("_", "");
    }
}
