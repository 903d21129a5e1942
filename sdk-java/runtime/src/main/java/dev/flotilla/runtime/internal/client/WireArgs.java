package dev.flotilla.runtime.internal.client;

import dev.flotilla.api.ObjectRef;
import dev.flotilla.protocol.common.v1.TaskArg;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes call arguments for the wire: refs by id, small values inline, large values put into a
 * node store first. The refs it returns must stay reachable until the call is sent.
 */
record WireArgs(List<TaskArg> args, List<ObjectRef<?>> keepAlive) {

  static WireArgs encode(FlotillaImpl client, Object[] values) {
    List<TaskArg> wire = new ArrayList<>(values.length);
    List<ObjectRef<?>> keep = new ArrayList<>();
    for (Object a : values) {
      if (a instanceof ObjectRefImpl<?> ref) {
        ref.awaitCreated();
        wire.add(TaskArg.newBuilder().setObjectId(ref.id()).build());
        keep.add(ref);
      } else {
        byte[] bytes = client.serializer().serialize(a);
        if (bytes.length > client.inlineLimit()) {
          ObjectRef<?> big = client.putBytes(bytes);
          keep.add(big);
          wire.add(TaskArg.newBuilder().setObjectId(big.id()).build());
        } else {
          wire.add(TaskArg.newBuilder().setInlineValue(FlotillaImpl.bytes(bytes)).build());
        }
      }
    }
    return new WireArgs(wire, keep);
  }
}
