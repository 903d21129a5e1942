package dev.flotilla.scheduler.state;

import java.util.ArrayList;
import java.util.List;

/** Bundle placements as text: {@code node|0,1;node2|} (node ids never hold '|' or ';'). */
final class BundleCodec {
  private BundleCodec() {}

  static String encode(List<ClusterStateStore.BundlePlacement> bundles) {
    var sb = new StringBuilder();
    for (var b : bundles) {
      if (!sb.isEmpty()) {
        sb.append(';');
      }
      sb.append(b.nodeId()).append('|');
      for (int i = 0; i < b.gpuIndices().size(); i++) {
        sb.append(i == 0 ? "" : ",").append(b.gpuIndices().get(i));
      }
    }
    return sb.toString();
  }

  static List<ClusterStateStore.BundlePlacement> decode(String text) {
    List<ClusterStateStore.BundlePlacement> out = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    for (String part : text.split(";")) {
      int bar = part.indexOf('|');
      List<Integer> gpus = new ArrayList<>();
      String rest = part.substring(bar + 1);
      if (!rest.isEmpty()) {
        for (String g : rest.split(",")) {
          gpus.add(Integer.parseInt(g));
        }
      }
      out.add(new ClusterStateStore.BundlePlacement(part.substring(0, bar), List.copyOf(gpus)));
    }
    return out;
  }
}
