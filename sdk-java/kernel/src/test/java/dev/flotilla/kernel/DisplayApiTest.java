package dev.flotilla.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DisplayApiTest {
  @Test
  void plot_sameData_sameBytes_andTitleEscaped() {
    Svg a = Plot.line("<script>x</script>", new double[] {0, 1, 2}, new double[] {1, 3, 2});
    Svg b = Plot.line("<script>x</script>", new double[] {0, 1, 2}, new double[] {1, 3, 2});
    assertThat(a).isEqualTo(b);
    assertThat(a.markup()).startsWith("<svg").endsWith("</svg>")
        .contains("&lt;script&gt;").doesNotContain("<script>").contains("points=\"40.00,");
  }

  @Test
  void plot_barAndScatter_drawOneShapePerValue() {
    Svg bar = Plot.bar("", new String[] {"a", "b", "c"}, new double[] {1, -2, 3});
    assertThat(bar.markup().split("<rect fill=\"#1f77b4\"", -1)).hasSize(4);
    assertThat(Plot.scatter(5, 6).markup().split("<circle", -1)).hasSize(3);
  }

  @Test
  void plot_badData_isRejectedWithTheReason() {
    assertThatThrownBy(() -> Plot.line("", new double[] {1}, new double[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 x and 2 y");
    assertThatThrownBy(() -> Plot.scatter(1, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("point 1 is not finite");
    assertThatThrownBy(() -> Plot.bar("", new String[] {"a"}, new double[] {}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 labels but 0 values");
  }

  @Test
  void table_escapesEveryCell_andChecksRowWidth() {
    DisplayData d = Table.columns("name", "v&").row("<b>", null).toDisplayData();
    assertThat(d.mime()).isEqualTo("text/html");
    assertThat(d.data()).contains("<th>v&amp;</th>", "<td>&lt;b&gt;</td>", "<td>null</td>");
    assertThatThrownBy(() -> Table.columns("a").row(1, 2)).hasMessageContaining("2 values but the table has 1");
  }

  @Test
  void html_escape_coversQuotes() {
    assertThat(Html.escape("a\"b'c<>&")).isEqualTo("a&quot;b&#39;c&lt;&gt;&amp;");
  }

  @Test
  void image_png_base64_andNonPngRejected() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1};
    assertThat(Image.png(png).toDisplayData()).isEqualTo(DisplayData.of("image/png", "iVBORw0KGgoB"));
    assertThatThrownBy(() -> Image.png(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9}))
        .hasMessageContaining("signature");
  }

  @Test
  void progressBar_rendersCountsEscaped() {
    DisplayData d = new Progress.Bar("<x>", 3, 10).toDisplayData();
    assertThat(d.data()).contains("&lt;x&gt;", "max=\"10\" value=\"3\"", "3/10");
  }

  @Test
  void display_plainValue_isText() {
    assertThat(Display.render(42)).isEqualTo(DisplayData.of("text/plain", "42"));
  }
}
