package dev.flotilla.examples.stacked;

/**
 * Where a stage runs, as the stage itself sees it.
 *
 * @param stage the stage's name
 * @param nodeId the gpu-worker node its executor was started by ({@code FLOTILLA_NODE_ID})
 * @param cudaVisibleDevices the GPUs the worker gave it ({@code CUDA_VISIBLE_DEVICES}); the device
 *     ids are the node's own, so two nodes may both hand out "0"
 * @param pid its executor's process id
 */
public record Placement(String stage, String nodeId, String cudaVisibleDevices, long pid) {

  /** The placement of the calling process, reported by the stage named {@code stage}. */
  static Placement here(String stage) {
    return new Placement(
        stage,
        String.valueOf(System.getenv("FLOTILLA_NODE_ID")),
        String.valueOf(System.getenv("CUDA_VISIBLE_DEVICES")),
        ProcessHandle.current().pid());
  }
}
