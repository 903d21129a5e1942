package dev.flotilla.apiserver.usage;

import dev.flotilla.apiserver.api.UsageDtos;
import java.util.List;

/** Usage as CSV (RFC 4180: CRLF line ends, a header row, fields quoted when they need it). Pure. */
public final class UsageCsv {
  public static final String MEDIA_TYPE = "text/csv";

  private UsageCsv() {}

  public static String of(String month, List<UsageDtos.Job> jobs) {
    StringBuilder out = new StringBuilder("month,workspace,job_id,cpu_seconds,gpu_seconds,first_metered_at,last_metered_at\r\n");
    for (UsageDtos.Job j : jobs) {
      out.append(field(month)).append(',').append(field(j.workspace())).append(',').append(field(j.jobId())).append(',')
          .append(j.cpuSeconds()).append(',').append(j.gpuSeconds()).append(',')
          .append(j.firstMeteredAt()).append(',').append(j.lastMeteredAt()).append("\r\n");
    }
    return out.toString();
  }

  static String field(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\r') < 0 && s.indexOf('\n') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
