package dev.flotilla.scheduler.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Which of a reserved bundle's GPU devices each task or actor placed in the bundle uses, so that a
 * task asking for one GPU of a two-GPU bundle sees one device, and no device of the bundle is
 * over-committed. Whole devices go lowest-first, fractions pack onto the fullest device they fit,
 * as on a node ({@link GpuLedger}). A bundle holding a fraction of one device lends that device
 * to every GPU task in it (its amounts ledger keeps the total within the fraction). Not
 * thread-safe: use it under the lock that guards the bundle.
 */
public final class BundleDevices {
  private final List<Integer> devices;
  private final boolean fractionalBundle;
  private final GpuLedger ledger;

  /**
   * @param devices the node's GPU device indices the bundle's reservation holds
   * @param bundleGpus the bundle's GPU amount
   */
  public BundleDevices(List<Integer> devices, double bundleGpus) {
    this.devices = List.copyOf(devices);
    this.fractionalBundle = bundleGpus > 0 && bundleGpus < 1 - Resources.EPSILON;
    this.ledger = new GpuLedger(this.devices.size());
  }

  /** Node device indices for {@code gpus}, or null when no arrangement of the bundle's devices fits. */
  public List<Integer> allocate(double gpus) {
    if (gpus <= 0) {
      return List.of();
    }
    if (fractionalBundle) {
      return devices.isEmpty() ? null : devices;
    }
    List<Integer> local = ledger.allocate(GpuDemand.of(gpus));
    return local == null ? null : toNode(local);
  }

  /** Marks devices as used by work that kept running across a scheduler restart. */
  public void take(List<Integer> nodeDevices, double sharePerDevice) {
    if (!fractionalBundle) {
      ledger.take(toLocal(nodeDevices), sharePerDevice);
    }
  }

  /** Gives back what {@link #allocate} lent. */
  public void free(List<Integer> nodeDevices, double sharePerDevice) {
    if (!fractionalBundle) {
      ledger.free(toLocal(nodeDevices), sharePerDevice);
    }
  }

  private List<Integer> toNode(List<Integer> local) {
    List<Integer> out = new ArrayList<>(local.size());
    for (int i : local) {
      out.add(devices.get(i));
    }
    return List.copyOf(out);
  }

  private List<Integer> toLocal(List<Integer> nodeDevices) {
    List<Integer> out = new ArrayList<>(nodeDevices.size());
    for (int d : nodeDevices) {
      int i = devices.indexOf(d);
      if (i >= 0) {
        out.add(i);
      }
    }
    return out;
  }
}
