package dev.flotilla.scheduler.core.placementgroup;

import dev.flotilla.scheduler.core.GpuDemand;
import dev.flotilla.scheduler.core.Resources;
import java.util.List;

/**
 * A bundle as the searches read it: its amount of each of the group's resource names, by index, and
 * its GPU shape; parsed once per plan so trying it on thousands of nodes allocates nothing.
 * Internal to one plan, so the array is not copied.
 */
record Demand(double[] amounts, GpuDemand gpu) {

  static Demand of(Resources bundle, List<String> names) {
    double[] amounts = new double[names.size()];
    for (int j = 0; j < amounts.length; j++) {
      amounts[j] = bundle.get(names.get(j));
    }
    return new Demand(amounts, GpuDemand.of(bundle.get(Resources.GPU)));
  }
}
