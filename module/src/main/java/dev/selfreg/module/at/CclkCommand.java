package dev.selfreg.module.at;

import dev.selfreg.at.Args;
import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtException;
import dev.selfreg.at.AtResponse;
import dev.selfreg.at.Param;
import dev.selfreg.at.Signature;
import dev.selfreg.module.Rtc;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code AT+CCLK}: the real-time clock ({@link Rtc}). The read form prints local time with a
 * four-digit year and the zone in quarter hours, as a real BC260Y-CN does
 * ({@code +CCLK: "2023/12/14,09:01:13+32"}); the set form takes {@code "yy/MM/dd,hh:mm:ss[±zz]"}
 * (TS 27.007 §8.15), quoted or bare, a four-digit year too; the test form answers {@code OK}.
 */
final class CclkCommand extends AtCommand<AtContext> {

    /** Date, time and optional zone; a bare time arrives as two parameters, split at the comma. */
    private static final Pattern TIME =
            Pattern.compile("(\\d{2}|\\d{4})/(\\d{2})/(\\d{2}),(\\d{2}):(\\d{2}):(\\d{2})(?:([+-])(\\d{1,2}))?");
    /** Zones in quarter hours, UTC-12 to UTC+14 (Interpretation: the zones there are). */
    private static final int ZONE_MIN = -48;
    private static final int ZONE_MAX = 56;

    private final Signature signature = Signature.of(
            Param.string("date", 1, 32, Param.Quoting.OPTIONAL),
            Param.string("time", 1, 16, Param.Quoting.OPTIONAL).optional());

    CclkCommand() {
        super("+CCLK");
    }

    /** {@code yyyy/MM/dd,hh:mm:ss±zz} with a two-digit zone ({@code +08}, {@code -20}, {@code +00}). */
    static String format(OffsetDateTime time, int zoneQuarters, boolean fourDigitYear) {
        String year = fourDigitYear ? String.format("%04d", time.getYear()) : String.format("%02d", time.getYear() % 100);
        return String.format("%s/%02d/%02d,%02d:%02d:%02d%s%02d", year, time.getMonthValue(), time.getDayOfMonth(),
                time.getHour(), time.getMinute(), time.getSecond(), zoneQuarters < 0 ? "-" : "+", Math.abs(zoneQuarters));
    }

    @Override
    public Signature signature() {
        return signature;
    }

    @Override
    public AtResponse set(AtContext module, Args args) {
        String text = args.string("date") + args.optionalString("time").map(time -> "," + time).orElse("");
        Matcher time = TIME.matcher(text);
        if (!time.matches()) {
            throw AtException.incorrectParameters("time is not yy/MM/dd,hh:mm:ss[+-zz]: " + text);
        }
        int year = Integer.parseInt(time.group(1));
        int zone = time.group(8) == null ? 0 : Integer.parseInt(time.group(7) + time.group(8));
        if (zone < ZONE_MIN || zone > ZONE_MAX) {
            throw AtException.incorrectParameters("zone " + zone + " outside " + ZONE_MIN + ".." + ZONE_MAX);
        }
        LocalDateTime local;
        try {
            local = LocalDateTime.of(year < 100 ? 2000 + year : year, Integer.parseInt(time.group(2)),
                    Integer.parseInt(time.group(3)), Integer.parseInt(time.group(4)), Integer.parseInt(time.group(5)),
                    Integer.parseInt(time.group(6)));
        } catch (DateTimeException e) {
            throw AtException.incorrectParameters("no such time: " + text);
        }
        module.rtc().set(local, zone);
        return AtResponse.ok();
    }

    @Override
    public AtResponse query(AtContext module) {
        Rtc rtc = module.rtc();
        return AtResponse.ok("+CCLK: \"" + format(rtc.now(), rtc.zoneQuarters(), true) + "\"");
    }

    @Override
    public AtResponse test(AtContext module) {
        return AtResponse.ok();
    }
}
