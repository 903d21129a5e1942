package dev.flotilla.apiserver.jobs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Checks a job's code package (a jar or zip) before it is stored: every entry stays inside the
 * root (no {@code ..} segment, no absolute or drive path, no NUL), no entry is a symbolic link
 * (unix mode in the central directory's external attributes or in an extra field), the entry
 * count and the total uncompressed size stay under their caps, and so does the ratio of
 * uncompressed to compressed bytes. Sizes are measured by inflating every entry, stopping at the
 * cap, never taken from the headers. Pure and thread-safe; bounded in memory (one 64 KiB buffer).
 */
public final class CodePackageInspector {
  private static final int EOCD = 0x06054b50;
  private static final int CENTRAL = 0x02014b50;
  private static final int UNIX_MODE_TYPE = 0xF000;
  private static final int UNIX_SYMLINK = 0xA000;

  private final Limits limits;

  public CodePackageInspector(Limits limits) {
    this.limits = limits;
  }

  /** The caps a package must stay under. */
  public record Limits(int maxEntries, long maxUncompressedBytes, int maxCompressionRatio) {}

  /** What an accepted package holds: its SHA-256 (hex), entry names and uncompressed size. */
  public record Inspected(String sha256, Set<String> entries, long uncompressedBytes) {
    /** Whether the package holds the class file of {@code className} (binary name, dots). */
    public boolean hasClass(String className) {
      return entries.contains(className.replace('.', '/') + ".class");
    }
  }

  /** A refused package; the message says why, for the 422 answer. */
  public static final class RejectedPackage extends Exception {
    public RejectedPackage(String message) {
      super(message);
    }
  }

  public Inspected inspect(byte[] zip) throws RejectedPackage {
    if (zip.length < 22) {
      throw new RejectedPackage("not a zip or jar file (too short)");
    }
    checkCentralDirectory(zip);
    Set<String> names = new LinkedHashSet<>();
    long total = 0;
    byte[] buffer = new byte[64 * 1024];
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        checkName(e.getName());
        if (!names.add(e.getName())) {
          throw new RejectedPackage("entry " + e.getName() + " appears twice");
        }
        if (names.size() > limits.maxEntries()) {
          throw new RejectedPackage("more than " + limits.maxEntries() + " entries");
        }
        total += drain(in, buffer, limits.maxUncompressedBytes() - total);
      }
    } catch (ZipException e) {
      throw new RejectedPackage("not a valid zip or jar file: " + e.getMessage());
    } catch (IOException | IllegalArgumentException e) {
      throw new RejectedPackage("not a readable zip or jar file: " + e.getMessage());
    }
    if (names.isEmpty()) {
      throw new RejectedPackage("not a zip or jar file (no entries)");
    }
    if (total > (long) limits.maxCompressionRatio() * zip.length) {
      throw new RejectedPackage("compression ratio over " + limits.maxCompressionRatio() + ":1 ("
          + total + " bytes from " + zip.length + ")");
    }
    return new Inspected(sha256(zip), Set.copyOf(names), total);
  }

  /** Reads the rest of the current entry; fails once more than {@code budget} bytes came out. */
  private long drain(InputStream in, byte[] buffer, long budget) throws IOException, RejectedPackage {
    long n = 0;
    int r;
    while ((r = in.read(buffer)) > 0) {
      n += r;
      if (n > budget) {
        throw new RejectedPackage("uncompressed size over " + limits.maxUncompressedBytes() + " bytes");
      }
    }
    return n;
  }

  /** Walks the central directory: names and the unix file type of every entry. */
  private void checkCentralDirectory(byte[] zip) throws RejectedPackage {
    ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
    int eocd = -1;
    for (int i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
      if (b.getInt(i) == EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) {
      throw new RejectedPackage("not a zip or jar file (no end of central directory)");
    }
    int count = Short.toUnsignedInt(b.getShort(eocd + 10));
    if (count > limits.maxEntries()) {
      throw new RejectedPackage("more than " + limits.maxEntries() + " entries");
    }
    long offset = Integer.toUnsignedLong(b.getInt(eocd + 16));
    for (int k = 0; k < count; k++) {
      if (offset < 0 || offset + 46 > eocd || b.getInt((int) offset) != CENTRAL) {
        throw new RejectedPackage("not a valid zip or jar file (central directory damaged)");
      }
      int p = (int) offset;
      int madeBy = Short.toUnsignedInt(b.getShort(p + 4)) >> 8;
      int nameLength = Short.toUnsignedInt(b.getShort(p + 28));
      int extraLength = Short.toUnsignedInt(b.getShort(p + 30));
      int commentLength = Short.toUnsignedInt(b.getShort(p + 32));
      int external = b.getInt(p + 38);
      if ((long) p + 46 + nameLength + extraLength > eocd) {
        throw new RejectedPackage("not a valid zip or jar file (central directory damaged)");
      }
      String name = new String(zip, p + 46, nameLength, java.nio.charset.StandardCharsets.UTF_8);
      checkName(name);
      if (madeBy == 3 && ((external >>> 16) & UNIX_MODE_TYPE) == UNIX_SYMLINK) {
        throw new RejectedPackage("entry " + name + " is a symbolic link");
      }
      checkExtra(b, p + 46 + nameLength, extraLength, name);
      offset = (long) p + 46 + nameLength + extraLength + commentLength;
    }
  }

  /** The ASi unix extra field (0x756e) carries a mode too. */
  private static void checkExtra(ByteBuffer b, int start, int length, String name) throws RejectedPackage {
    int p = start;
    while (p + 4 <= start + length) {
      int id = Short.toUnsignedInt(b.getShort(p));
      int size = Short.toUnsignedInt(b.getShort(p + 2));
      if (id == 0x756e && size >= 6 && p + 4 + size <= start + length
          && (Short.toUnsignedInt(b.getShort(p + 8)) & UNIX_MODE_TYPE) == UNIX_SYMLINK) {
        throw new RejectedPackage("entry " + name + " is a symbolic link");
      }
      p += 4 + size;
    }
  }

  static void checkName(String name) throws RejectedPackage {
    if (name.isEmpty() || name.indexOf('\0') >= 0) {
      throw new RejectedPackage("an entry has an empty or NUL-bearing name");
    }
    if (name.startsWith("/") || name.startsWith("\\") || (name.length() > 1 && name.charAt(1) == ':')) {
      throw new RejectedPackage("entry " + name + " has an absolute path");
    }
    for (String segment : name.split("[/\\\\]")) {
      if (segment.equals("..")) {
        throw new RejectedPackage("entry " + name + " escapes the package root");
      }
    }
  }

  /** The SHA-256 of {@code bytes}, in lower-case hex. */
  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
