package dev.flotilla.apiserver.usage;

import dev.flotilla.apiserver.error.ApiException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Calendar months (UTC) as usage is metered and billed in them. Pure. */
public final class UsageMonth {
  private UsageMonth() {}

  /** The month of {@code at}, as the first day of it. */
  public static LocalDate of(Instant at) {
    return YearMonth.from(at.atZone(ZoneOffset.UTC)).atDay(1);
  }

  /** {@code yyyy-MM} from a query, or the month of {@code now} when absent; anything else is a 422 naming month. */
  public static LocalDate parse(String month, Instant now) {
    if (month == null || month.isEmpty()) {
      return of(now);
    }
    try {
      if (month.length() == 7) {
        YearMonth m = YearMonth.parse(month);
        if (m.getYear() >= 2000 && m.getYear() <= 9999) {
          return m.atDay(1);
        }
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw ApiException.invalid("month", "a month as yyyy-MM, e.g. 2026-12");
  }
}
