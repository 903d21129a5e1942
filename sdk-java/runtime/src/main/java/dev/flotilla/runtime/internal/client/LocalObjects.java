package dev.flotilla.runtime.internal.client;

import dev.flotilla.protocol.common.v1.ObjectLocation;
import java.nio.ByteBuffer;

/** Reads a stored object through the local node's shared-memory store (executors only). */
public interface LocalObjects {
  /** Maps the object's bytes read-only, fetching a copy to this node first if needed. Blocks. */
  ByteBuffer map(String objectId, ObjectLocation location);
}
