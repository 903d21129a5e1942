/**
 * Reinforcement learning on actors: rollout actors play CartPole with a linear softmax policy,
 * a learner actor improves the policy with REINFORCE and sends it back.
 *
 * <p>{@link dev.flotilla.examples.rl.Training} drives it. {@link dev.flotilla.examples.rl.Rollout}
 * (one per CPU) plays episodes of {@link dev.flotilla.examples.rl.CartPole} with a {@link
 * dev.flotilla.examples.rl.Policy} and returns them as {@link
 * dev.flotilla.examples.rl.Trajectories}; the {@link dev.flotilla.examples.rl.Learner} takes one
 * policy-gradient step per iteration from all of them and reports {@link
 * dev.flotilla.examples.rl.IterationStats}. Trajectories and policies travel between actors as
 * refs; the driver reads only the stats.
 *
 * <p>Determinism: every rollout has its own seeded random stream, an actor runs its calls one at
 * a time in the order its caller sent them, the learner adds batches in rollout order, and the
 * maths uses {@link java.lang.StrictMath}; so a run with the same {@link
 * dev.flotilla.examples.rl.Training.Config} repeats exactly, on the cluster or in one JVM.
 *
 * <p>Threading: the actor classes are not thread-safe and need not be (each actor runs one call
 * at a time); the records are immutable.
 */
package dev.flotilla.examples.rl;
