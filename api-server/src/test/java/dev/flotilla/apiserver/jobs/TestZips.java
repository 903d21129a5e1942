package dev.flotilla.apiserver.jobs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds zip files in memory for the code-package tests, including hostile ones. */
public final class TestZips {
  private TestZips() {}

  /** A zip of the given entries (name to content), deflated, in iteration order. */
  public static byte[] zip(Map<String, byte[]> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A one-entry zip whose entry carries the ASi unix extra field with a symlink mode. */
  public static byte[] symlinkByExtraField(String name) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      ZipEntry e = new ZipEntry(name);
      ByteBuffer extra = ByteBuffer.allocate(4 + 14).order(ByteOrder.LITTLE_ENDIAN);
      extra.putShort((short) 0x756e).putShort((short) 14).putInt(0).putShort((short) 0xA1FF)
          .putInt(0).putShort((short) 0).putShort((short) 0);
      e.setExtra(extra.array());
      z.putNextEntry(e);
      z.write("/etc/passwd".getBytes());
      z.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A zip whose central directory marks every entry as made on unix with mode lrwxrwxrwx. */
  public static byte[] symlinkByExternalAttributes(String name) {
    byte[] zip = zip(Map.of(name, "target".getBytes()));
    ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i + 46 < zip.length; i++) {
      if (b.getInt(i) == 0x02014b50) {
        b.putShort(i + 4, (short) (3 << 8 | 20));
        b.putInt(i + 38, 0xA1FF << 16);
      }
    }
    return zip;
  }
}
