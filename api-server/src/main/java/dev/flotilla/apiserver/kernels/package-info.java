/**
 * Notebook kernels on the cluster: a kernel is the SDK's {@code KernelHost} running as a launched
 * entrypoint in the notebook's workspace (quotas and usage apply), dialing back over {@code
 * flotilla.kernel.v1.KernelChannel} with a per-kernel secret; browsers reach it through an
 * authenticated WebSocket relay. One kernel per notebook, shared by the notebook's open tabs.
 *
 * <pre>
 * browser ─POST …/notebooks/{id}/kernel (bearer, member)─▶ KernelResource ─▶ Kernels.ensure ─▶ PlatformLauncher
 *    │            ◀── {kernelId, state, ticket (single use, 60 s), socketPath}
 *    └─WebSocket /ws/v1/…/notebooks/{id}/kernel, subprotocols flotilla.kernel.v1 + ticket.&lt;t&gt;─▶ KernelSocketRoute
 *                          JSON ⇄ KernelSession ⇄ gRPC KernelChannel.Attach ◀── KernelHost (in an executor)
 * </pre>
 */
package dev.flotilla.apiserver.kernels;
