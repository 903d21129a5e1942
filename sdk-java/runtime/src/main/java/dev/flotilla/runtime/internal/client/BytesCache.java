package dev.flotilla.runtime.internal.client;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Serialized bytes of small immutable objects this connection put or already fetched, so that
 * repeated gets cost no round trip. Bounded by total bytes, least recently used out first.
 */
final class BytesCache {
  private final long capacityBytes;
  private long usedBytes;
  private final LinkedHashMap<String, byte[]> entries = new LinkedHashMap<>(256, 0.75f, true);

  BytesCache(long capacityBytes) {
    this.capacityBytes = capacityBytes;
  }

  synchronized byte[] get(String id) {
    return entries.get(id);
  }

  synchronized void put(String id, byte[] bytes) {
    if (bytes.length > capacityBytes / 16) {
      return;
    }
    byte[] old = entries.put(id, bytes);
    usedBytes += bytes.length - (old == null ? 0 : old.length);
    var it = entries.entrySet().iterator();
    while (usedBytes > capacityBytes && it.hasNext()) {
      Map.Entry<String, byte[]> e = it.next();
      usedBytes -= e.getValue().length;
      it.remove();
    }
  }

  synchronized void remove(String id) {
    byte[] old = entries.remove(id);
    if (old != null) {
      usedBytes -= old.length;
    }
  }
}
