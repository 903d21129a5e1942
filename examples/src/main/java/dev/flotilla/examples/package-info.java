/**
 * Runnable programs a user copies from. Each has a {@code main} that connects to the cluster named
 * by {@code FLOTILLA_ADDRESS} or {@code ~/.flotilla/address}; run one with {@code ./flotilla
 * example <Name>}.
 *
 * <p>{@link dev.flotilla.examples.QuickStart} shows tasks and refs. {@link
 * dev.flotilla.examples.StackedModels} chains five GPU actors into a streaming pipeline (its
 * parts are in {@link dev.flotilla.examples.stacked}); {@link
 * dev.flotilla.examples.ReinforcementLearning} trains a CartPole policy with rollout actors and a
 * learner actor (in {@link dev.flotilla.examples.rl}). The programs are single-threaded drivers.
 */
package dev.flotilla.examples;
