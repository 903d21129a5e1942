package dev.flotilla.kernel.internal;

import dev.flotilla.protocol.kernel.v1.DisplayOutput;
import dev.flotilla.protocol.kernel.v1.ExecuteError;
import dev.flotilla.protocol.kernel.v1.ExecuteReply;
import dev.flotilla.protocol.kernel.v1.ExecuteResult;
import dev.flotilla.protocol.kernel.v1.Status;
import dev.flotilla.protocol.kernel.v1.Stream;

/** Kernel events and outcomes as the wire messages of {@code flotilla.kernel.v1}. */
final class ProtoEvents {
  private ProtoEvents() {}

  static dev.flotilla.protocol.kernel.v1.KernelEvent of(String requestId, KernelEvent e) {
    var b = dev.flotilla.protocol.kernel.v1.KernelEvent.newBuilder().setRequestId(requestId);
    switch (e) {
      case KernelEvent.Stream s -> b.setStream(Stream.newBuilder().setName(s.name()).setText(s.text()));
      case KernelEvent.Display d -> {
        var out = DisplayOutput.newBuilder().setMime(d.data().mime()).setData(d.data().data());
        if (d.data().displayId() != null) {
          out.setDisplayId(d.data().displayId());
        }
        b.setDisplay(out);
      }
      case KernelEvent.Result r -> b.setResult(ExecuteResult.newBuilder().setValue(r.value()));
      case KernelEvent.Error err -> b.setError(ExecuteError.newBuilder()
          .setName(err.name()).setMessage(err.message()).setLine(err.line()).addAllTrace(err.trace()));
    }
    return b.build();
  }

  static dev.flotilla.protocol.kernel.v1.KernelEvent reply(String requestId, CellOutcome o) {
    ExecuteReply.Outcome outcome = switch (o.status()) {
      case OK -> ExecuteReply.Outcome.OK;
      case ERROR -> ExecuteReply.Outcome.ERROR;
      case INTERRUPTED -> ExecuteReply.Outcome.INTERRUPTED;
    };
    return dev.flotilla.protocol.kernel.v1.KernelEvent.newBuilder().setRequestId(requestId)
        .setExecuteReply(ExecuteReply.newBuilder().setOutcome(outcome).setExecutionCount(o.executionCount()))
        .build();
  }

  static dev.flotilla.protocol.kernel.v1.KernelEvent status(String requestId, Status.State state, String reason) {
    return dev.flotilla.protocol.kernel.v1.KernelEvent.newBuilder().setRequestId(requestId)
        .setStatus(Status.newBuilder().setState(state).setReason(reason)).build();
  }
}
