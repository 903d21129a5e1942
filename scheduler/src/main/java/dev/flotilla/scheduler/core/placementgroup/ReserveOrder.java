package dev.flotilla.scheduler.core.placementgroup;

import dev.flotilla.scheduler.core.Resources;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which a group's bundles are reserved: the largest GPU demand first, then bundle
 * order. Whole GPUs go before fractions, so a fraction never takes a fully free device a later
 * whole-GPU bundle on the same node needs (first fit decreasing). {@link GangPlanner} simulates
 * this very order and {@link GangReserver} follows it, so a plan made from a state's views reserves
 * against that state.
 */
final class ReserveOrder {
  private ReserveOrder() {}

  static List<Integer> of(List<Resources> bundles) {
    List<Integer> order = new ArrayList<>(bundles.size());
    for (int i = 0; i < bundles.size(); i++) {
      order.add(i);
    }
    order.sort(
        Comparator.comparingDouble((Integer i) -> -bundles.get(i).get(Resources.GPU))
            .thenComparingInt(i -> i));
    return List.copyOf(order);
  }
}
