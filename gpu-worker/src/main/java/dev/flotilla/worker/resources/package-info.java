/**
 * Resource discovery: what a gpu-worker tells the scheduler its node can run.
 *
 * <p>{@link dev.flotilla.worker.resources.ResourceDetector#detect()} returns a {@link
 * dev.flotilla.worker.resources.NodeResources}: logical CPUs, memory in MiB (from {@code
 * /proc/meminfo}, capped by a container's cgroup limit), the GPUs as {@link
 * dev.flotilla.worker.resources.GpuInfo} records, and labels for placement constraints ({@code
 * gpu.model}, {@code gpu.family} such as {@code H100}, {@code gpu.count}, {@code gpu.memory_mb}).
 *
 * <p>GPUs come from {@code nvidia-smi --query-gpu=index,name,memory.total
 * --format=csv,noheader,nounits}, run through a {@link dev.flotilla.worker.resources.CommandRunner}
 * so tests can feed recorded output; a node without nvidia-smi has no GPUs. {@code
 * FLOTILLA_FAKE_GPUS=N} advertises N fake devices instead, so that GPU scheduling is tested on
 * machines without any; {@code FLOTILLA_CPUS} and {@code FLOTILLA_MEMORY_MB} override the rest.
 *
 * <p>Threading: the values are immutable records; a detector is immutable and may be shared, and
 * {@code detect()} blocks while nvidia-smi runs (the system runner kills it after 15 seconds).
 */
package dev.flotilla.worker.resources;
