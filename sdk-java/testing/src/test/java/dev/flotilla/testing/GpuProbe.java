package dev.flotilla.testing;

/** An actor that says which node (FLOTILLA_NODE_ID) and GPU (CUDA_VISIBLE_DEVICES) it got. */
public class GpuProbe {
  public String where() {
    return System.getenv("FLOTILLA_NODE_ID") + ":" + System.getenv("CUDA_VISIBLE_DEVICES");
  }
}
