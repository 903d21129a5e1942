package dev.flotilla.kernel.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Collects a cell's events; thread-safe. */
final class RecordingListener implements Consumer<KernelEvent> {
  final List<KernelEvent> events = new CopyOnWriteArrayList<>();

  @Override
  public void accept(KernelEvent e) {
    events.add(e);
  }

  String stdout() {
    StringBuilder sb = new StringBuilder();
    for (KernelEvent e : events) {
      if (e instanceof KernelEvent.Stream s && s.name().equals(KernelEvent.Stream.STDOUT)) {
        sb.append(s.text());
      }
    }
    return sb.toString();
  }

  <T extends KernelEvent> List<T> of(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
