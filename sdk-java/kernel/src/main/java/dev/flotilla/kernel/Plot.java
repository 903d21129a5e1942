package dev.flotilla.kernel;

import java.util.Locale;

/**
 * Charts rendered on the kernel as SVG: deterministic (the same data gives the same bytes), every
 * text escaped, no script. Show one with {@code display(Plot.line(xs, ys))} or as a cell's last
 * expression.
 */
public final class Plot {
  static final int WIDTH = 480;
  static final int HEIGHT = 300;
  static final int MARGIN = 40;

  private Plot() {}

  /** A line through {@code ys} at x = 0, 1, 2, ... */
  public static Svg line(double... ys) {
    return line("", indexes(ys.length), ys);
  }

  /**
   * A line through the points ({@code xs[i]}, {@code ys[i]}).
   *
   * @throws IllegalArgumentException if the arrays are empty, of different lengths, or hold NaN or
   *     infinities
   */
  public static Svg line(String title, double[] xs, double[] ys) {
    Frame f = Frame.of(xs, ys);
    StringBuilder points = new StringBuilder();
    for (int i = 0; i < xs.length; i++) {
      points.append(i == 0 ? "" : " ").append(num(f.x(xs[i]))).append(',').append(num(f.y(ys[i])));
    }
    String body =
        "<polyline fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\" points=\"" + points + "\"/>";
    return svg(title, f, body);
  }

  /** Points ({@code xs[i]}, {@code ys[i]}); same checks as {@link #line(String, double[], double[])}. */
  public static Svg scatter(String title, double[] xs, double[] ys) {
    Frame f = Frame.of(xs, ys);
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < xs.length; i++) {
      body.append("<circle r=\"3\" fill=\"#1f77b4\" cx=\"")
          .append(num(f.x(xs[i])))
          .append("\" cy=\"")
          .append(num(f.y(ys[i])))
          .append("\"/>");
    }
    return svg(title, f, body.toString());
  }

  /** Points (x = 0, 1, 2, ..., {@code ys[i]}). */
  public static Svg scatter(double... ys) {
    return scatter("", indexes(ys.length), ys);
  }

  /**
   * One bar per label.
   *
   * @throws IllegalArgumentException if there are no bars, labels and values differ in number, or a
   *     value is NaN or infinite
   */
  public static Svg bar(String title, String[] labels, double[] values) {
    if (labels.length != values.length) {
      throw new IllegalArgumentException(
          labels.length + " labels but " + values.length + " values");
    }
    double[] xs = indexes(values.length + 1);
    double[] ys = new double[values.length + 1];
    System.arraycopy(values, 0, ys, 0, values.length);
    Frame f = Frame.of(xs, ys);
    StringBuilder body = new StringBuilder();
    double slot = f.x(1) - f.x(0);
    for (int i = 0; i < values.length; i++) {
      double top = Math.min(f.y(values[i]), f.y(0));
      double height = Math.abs(f.y(values[i]) - f.y(0));
      body.append("<rect fill=\"#1f77b4\" x=\"")
          .append(num(f.x(i) + slot * 0.1))
          .append("\" y=\"")
          .append(num(top))
          .append("\" width=\"")
          .append(num(slot * 0.8))
          .append("\" height=\"")
          .append(num(height))
          .append("\"/>");
      body.append("<text font-size=\"10\" text-anchor=\"middle\" x=\"")
          .append(num(f.x(i) + slot / 2))
          .append("\" y=\"")
          .append(HEIGHT - MARGIN + 14)
          .append("\">")
          .append(Html.escape(labels[i]))
          .append("</text>");
    }
    return svg(title, f, body.toString());
  }

  private static Svg svg(String title, Frame f, String body) {
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(HEIGHT)
        .append("\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(HEIGHT)
        .append("\">");
    s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
    if (title != null && !title.isEmpty()) {
      s.append("<text font-size=\"14\" text-anchor=\"middle\" x=\"")
          .append(WIDTH / 2)
          .append("\" y=\"20\">")
          .append(Html.escape(title))
          .append("</text>");
    }
    s.append(f.axes()).append(body).append("</svg>");
    return new Svg(s.toString());
  }

  private static double[] indexes(int n) {
    double[] xs = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = i;
    }
    return xs;
  }

  static String num(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  /** Maps data coordinates onto the drawing area. */
  private record Frame(double minX, double maxX, double minY, double maxY) {
    static Frame of(double[] xs, double[] ys) {
      if (xs.length == 0 || xs.length != ys.length) {
        throw new IllegalArgumentException(
            "a plot needs as many x as y values, at least one: got "
                + xs.length + " x and " + ys.length + " y values");
      }
      double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY;
      double minY = 0, maxY = 0;
      for (int i = 0; i < xs.length; i++) {
        if (!Double.isFinite(xs[i]) || !Double.isFinite(ys[i])) {
          throw new IllegalArgumentException("point " + i + " is not finite: " + xs[i] + ", " + ys[i]);
        }
        minX = Math.min(minX, xs[i]);
        maxX = Math.max(maxX, xs[i]);
        minY = Math.min(minY, ys[i]);
        maxY = Math.max(maxY, ys[i]);
      }
      return new Frame(minX, maxX == minX ? minX + 1 : maxX, minY, maxY == minY ? minY + 1 : maxY);
    }

    double x(double v) {
      return MARGIN + (v - minX) / (maxX - minX) * (WIDTH - 2 * MARGIN);
    }

    double y(double v) {
      return HEIGHT - MARGIN - (v - minY) / (maxY - minY) * (HEIGHT - 2 * MARGIN);
    }

    String axes() {
      String x0 = num(MARGIN), x1 = num(WIDTH - MARGIN), yb = num(HEIGHT - MARGIN), yt = num(MARGIN);
      return "<path stroke=\"#333\" fill=\"none\" d=\"M" + x0 + "," + yt + " L" + x0 + "," + yb
          + " L" + x1 + "," + yb + "\"/>"
          + label(MARGIN - 4, MARGIN + 4, "end", maxY)
          + label(MARGIN - 4, HEIGHT - MARGIN, "end", minY)
          + label(MARGIN, HEIGHT - MARGIN + 26, "start", minX)
          + label(WIDTH - MARGIN, HEIGHT - MARGIN + 26, "end", maxX);
    }

    private static String label(double x, double y, String anchor, double v) {
      return "<text font-size=\"10\" text-anchor=\"" + anchor + "\" x=\"" + num(x) + "\" y=\""
          + num(y) + "\">" + Html.escape(String.format(Locale.ROOT, "%.4g", v)) + "</text>";
    }
  }
}
