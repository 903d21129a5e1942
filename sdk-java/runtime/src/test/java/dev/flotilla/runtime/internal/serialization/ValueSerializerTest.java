package dev.flotilla.runtime.internal.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.api.SerializationException;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValueSerializerTest {
  private static final ClassLoader TEST_LOADER = ValueSerializerTest.class.getClassLoader();

  /** A driver's serializer: the driver's classes and libraries are allowed. */
  private final ValueSerializer driver = new ValueSerializer(TEST_LOADER, false);

  @TempDir static Path dir;
  private static URLClassLoader jobLoader;

  record Point(int x, int y) {}

  record Shape(
      String name, List<Point> points, Map<String, Integer> tags, Optional<Point> origin) {}

  @BeforeAll
  static void compileJobCode() {
    jobLoader =
        TestingJobCode.compile(
            dir,
            "job/Order.java",
            "package job; public record Order(int id, java.util.List<String> items) {}");
  }

  @AfterAll
  static void closeJobLoader() throws IOException {
    jobLoader.close();
  }

  @Test
  void roundTrip_record_equalCopy() {
    assertThat(roundTrip(new Point(3, -4))).isEqualTo(new Point(3, -4));
  }

  @Test
  void roundTrip_nestedRecordWithCollections_equalCopy() {
    var tags = new LinkedHashMap<String, Integer>();
    tags.put("b", 2);
    tags.put("a", 1);
    var shape = new Shape("tri", List.of(new Point(0, 0), new Point(1, 0)), tags, Optional.empty());

    Shape copy = (Shape) roundTrip(shape);

    assertThat(copy).isEqualTo(shape);
    assertThat(copy.tags().keySet()).containsExactly("b", "a");
  }

  @Test
  void roundTrip_listsAndMaps_equalCopies() {
    var map = new HashMap<String, Object>();
    map.put("list", new ArrayList<>(List.of(1, 2, 3)));
    map.put("nested", Map.of("k", List.of("v")));
    map.put("nullValue", null);

    assertThat(roundTrip(List.of())).isEqualTo(List.of());
    assertThat(roundTrip(List.of("a", "b"))).isEqualTo(List.of("a", "b"));
    assertThat(roundTrip(Arrays.asList(1, null, 3))).isEqualTo(Arrays.asList(1, null, 3));
    assertThat(roundTrip(map)).isEqualTo(map);
  }

  @Test
  void roundTrip_jdkValueTypes_equalCopies() {
    assertThat(roundTrip(new BigDecimal("12345678901234567890.5")))
        .isEqualTo(new BigDecimal("12345678901234567890.5"));
    assertThat(roundTrip(Instant.parse("2030-01-02T03:04:05.123456789Z")))
        .isEqualTo(Instant.parse("2030-01-02T03:04:05.123456789Z"));
    assertThat(roundTrip(Duration.ofMillis(1500))).isEqualTo(Duration.ofMillis(1500));
    assertThat(roundTrip("héllo ✓")).isEqualTo("héllo ✓");
  }

  @Test
  void roundTrip_oneMebibyteArray_sameBytes() {
    byte[] big = new byte[1 << 20];
    new Random(42).nextBytes(big);

    byte[] bytes = driver.serialize(big);

    assertThat((byte[]) driver.deserialize(bytes)).isEqualTo(big);
    assertThat(bytes.length).isLessThan((1 << 20) + 64);
  }

  @Test
  void roundTrip_null_isNull() {
    assertThat(driver.deserialize(driver.serialize(null))).isNull();
  }

  @Test
  void roundTrip_sharedReference_staysShared() {
    var p = new Point(1, 1);

    @SuppressWarnings("unchecked")
    List<Point> copy = (List<Point>) roundTrip(Arrays.asList(p, p));

    assertThat(copy.get(0)).isSameAs(copy.get(1));
  }

  @Test
  void deserialize_fromByteBuffer_sameAsFromArray() {
    byte[] bytes = driver.serialize(new Point(5, 6));
    ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();

    assertThat(driver.deserialize(direct)).isEqualTo(new Point(5, 6));
  }

  @Test
  void deserialize_garbage_throwsSerializationException() {
    assertThatThrownBy(() -> driver.deserialize(new byte[] {1, 2, 3, 4, 5, 6, 7}))
        .isInstanceOf(SerializationException.class)
        .hasMessageStartingWith("Cannot deserialize a value");
  }

  @Test
  void serialize_processBuilder_refusedWithSerializationException() {
    assertThatThrownBy(() -> driver.serialize(new ProcessBuilder("true")))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("java.lang.ProcessBuilder");
  }

  @Test
  void serialize_valueContainingUrl_refused() {
    List<Object> withUrl = List.of("ok", toUrl());

    assertThatThrownBy(() -> driver.serialize(withUrl))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("java.net.URL");
  }

  @Test
  void serialize_file_refused() {
    assertThatThrownBy(() -> driver.serialize(new File("/etc/passwd")))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("java.io.File");
  }

  @Test
  void strict_classOfTheJobLoader_roundTripsIntoThatLoader() throws Exception {
    var executor = new ValueSerializer(jobLoader, true);
    Class<?> order = jobLoader.loadClass("job.Order");
    Object value = order.getConstructor(int.class, List.class).newInstance(7, List.of("x", "y"));

    Object copy = executor.deserialize(executor.serialize(value));

    assertThat(copy).isEqualTo(value);
    assertThat(copy.getClass()).isSameAs(order);
  }

  @Test
  void strict_serializeClassOfAParentLoader_refused() {
    var executor = new ValueSerializer(jobLoader, true);

    assertThatThrownBy(() -> executor.serialize(new Point(1, 2)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining(Point.class.getName());
  }

  @Test
  void strict_deserializeClassOfAParentLoader_refused() {
    byte[] fromDriver = driver.serialize(List.of(new Point(1, 2)));
    var executor = new ValueSerializer(jobLoader, true);

    assertThatThrownBy(() -> executor.deserialize(fromDriver))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining(Point.class.getName());
  }

  @Test
  void strict_jdkValues_stillRoundTrip() {
    var executor = new ValueSerializer(jobLoader, true);
    Object value = Map.of("k", List.of(1L, 2L), "t", Instant.EPOCH);

    assertThat(executor.deserialize(executor.serialize(value))).isEqualTo(value);
  }

  private Object roundTrip(Object value) {
    return driver.deserialize(driver.serialize(value));
  }

  private static java.net.URL toUrl() {
    try {
      return URI.create("http://example.com/").toURL();
    } catch (java.net.MalformedURLException e) {
      throw new AssertionError(e);
    }
  }
}
