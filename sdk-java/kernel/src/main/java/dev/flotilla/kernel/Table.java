package dev.flotilla.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table a cell shows as HTML (every cell escaped):
 *
 * <pre>{@code
 * display(Table.columns("epoch", "loss").row(1, 0.93).row(2, 0.71));
 * }</pre>
 *
 * Not thread-safe; build it on one thread.
 */
public final class Table implements Displayable {
  private final List<String> columns;
  private final List<List<Object>> rows = new ArrayList<>();

  private Table(List<String> columns) {
    this.columns = List.copyOf(columns);
  }

  /**
   * A table with these column headers.
   *
   * @throws IllegalArgumentException if there are no columns
   */
  public static Table columns(String... names) {
    if (names == null || names.length == 0) {
      throw new IllegalArgumentException("a table needs at least one column");
    }
    return new Table(Arrays.asList(names));
  }

  /**
   * Appends a row.
   *
   * @throws IllegalArgumentException if the row has another number of values than columns
   */
  public Table row(Object... values) {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException(
          "row has " + values.length + " values but the table has " + columns.size() + " columns");
    }
    rows.add(Arrays.asList(values.clone()));
    return this;
  }

  /** The number of rows. */
  public int size() {
    return rows.size();
  }

  @Override
  public DisplayData toDisplayData() {
    StringBuilder html = new StringBuilder("<table class=\"fl-table\"><thead><tr>");
    for (String c : columns) {
      html.append("<th>").append(Html.escape(c)).append("</th>");
    }
    html.append("</tr></thead><tbody>");
    for (List<Object> row : rows) {
      html.append("<tr>");
      for (Object v : row) {
        html.append("<td>").append(Html.escape(v)).append("</td>");
      }
      html.append("</tr>");
    }
    return DisplayData.of("text/html", html.append("</tbody></table>").toString());
  }
}
