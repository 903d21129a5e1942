package dev.flotilla.apiserver.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CodePackageInspectorTest {
  private final CodePackageInspector inspector =
      new CodePackageInspector(new CodePackageInspector.Limits(100, 1_000_000, 50));

  @Test
  void inspect_plainJar_acceptedWithDigestEntriesAndMeasuredSize() throws Exception {
    byte[] jar = TestZips.zip(Map.of("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n".getBytes(),
        "com/x/Main.class", new byte[] {(byte) 0xCA, (byte) 0xFE, 1, 2, 3}));
    CodePackageInspector.Inspected i = inspector.inspect(jar);
    assertThat(i.entries()).containsExactlyInAnyOrder("META-INF/MANIFEST.MF", "com/x/Main.class");
    assertThat(i.uncompressedBytes()).isEqualTo(22 + 5);
    assertThat(i.hasClass("com.x.Main")).isTrue();
    assertThat(i.hasClass("com.x.Other")).isFalse();
    assertThat(i.sha256()).hasSize(64).isEqualTo(inspector.inspect(jar).sha256());
  }

  @Test
  void inspect_dotDotEntry_rejectedAsEscaping() {
    expectRejected(TestZips.zip(Map.of("a/../../evil.sh", "x".getBytes())), "escapes the package root");
    expectRejected(TestZips.zip(Map.of("..\\evil.sh", "x".getBytes())), "escapes the package root");
  }

  @Test
  void inspect_absolutePaths_rejected() {
    expectRejected(TestZips.zip(Map.of("/etc/cron.d/x", "x".getBytes())), "absolute path");
    expectRejected(TestZips.zip(Map.of("C:/x", "x".getBytes())), "absolute path");
  }

  @Test
  void inspect_symlinks_rejectedByExternalAttributesAndByExtraField() {
    expectRejected(TestZips.symlinkByExternalAttributes("link"), "symbolic link");
    expectRejected(TestZips.symlinkByExtraField("link"), "symbolic link");
  }

  @Test
  void inspect_tooManyEntries_rejected() {
    Map<String, byte[]> many = new LinkedHashMap<>();
    for (int i = 0; i < 101; i++) {
      many.put("f" + i, new byte[] {1});
    }
    expectRejected(TestZips.zip(many), "more than 100 entries");
  }

  @Test
  void inspect_zipBomb_rejectedByInflatingNotByHeaders() {
    expectRejected(TestZips.zip(Map.of("zeros", new byte[2_000_000])), "uncompressed size over 1000000 bytes");
  }

  @Test
  void inspect_highRatioUnderSizeCap_rejected() {
    expectRejected(TestZips.zip(Map.of("zeros", new byte[900_000])), "compression ratio over 50:1");
  }

  @Test
  void inspect_notAZip_rejected() {
    expectRejected("hello, this is certainly not a zip archive at all".getBytes(), "not a zip or jar file");
    expectRejected(new byte[3], "not a zip or jar file");
  }

  @Test
  void inspect_truncatedZip_rejected() {
    byte[] jar = TestZips.zip(Map.of("a.txt", "hello hello hello".getBytes()));
    byte[] cut = java.util.Arrays.copyOf(jar, jar.length - 10);
    assertThatThrownBy(() -> inspector.inspect(cut)).isInstanceOf(CodePackageInspector.RejectedPackage.class);
  }

  /** Seeded byte flips, truncations and splices of a valid jar: each is accepted or refused, never another exception. */
  @Test
  void inspect_mutatedJars_onlyAcceptedOrRejected() {
    byte[] jar = TestZips.zip(Map.of("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n".getBytes(),
        "com/x/Main.class", "class bytes class bytes class bytes".getBytes(), "data/a.txt", new byte[5000]));
    java.util.Random random = new java.util.Random(42);
    int rejected = 0;
    for (int i = 0; i < 5000; i++) {
      byte[] m = jar.clone();
      switch (i % 3) {
        case 0 -> {
          for (int k = 0; k < 1 + random.nextInt(8); k++) {
            m[random.nextInt(m.length)] = (byte) random.nextInt(256);
          }
        }
        case 1 -> m = java.util.Arrays.copyOf(m, random.nextInt(m.length));
        default -> System.arraycopy(m, random.nextInt(m.length / 2), m, random.nextInt(m.length / 2), m.length / 4);
      }
      try {
        inspector.inspect(m);
      } catch (CodePackageInspector.RejectedPackage e) {
        rejected++;
      }
    }
    assertThat(rejected).isPositive();
  }

  private void expectRejected(byte[] zip, String message) {
    assertThatThrownBy(() -> inspector.inspect(zip))
        .isInstanceOf(CodePackageInspector.RejectedPackage.class).hasMessageContaining(message);
  }
}
