/**
 * Stacked models: a video-analytics pipeline of five actors, each holding one GPU and the handle
 * of the next stage.
 *
 * <pre>
 *  driver ──capture(i)──▶ Camera ──Frame──▶ Detector ──Detections──▶ Tracker ──Tracks──▶
 *                         SpeedCalculator ──FrameResult──▶ Collector
 *  driver ──finish()────▶ Camera ──finish()──▶ … ──▶ Collector: frame count back up the chain
 *  driver ──summary()───────────────────────────────▶ Collector ──Summary──▶ driver
 * </pre>
 *
 * <p>{@link dev.flotilla.examples.stacked.Pipeline} creates the stages and streams frames. The
 * "models" are small deterministic computations: {@link dev.flotilla.examples.stacked.Detector}
 * thresholds the image and finds bright regions, {@link dev.flotilla.examples.stacked.Tracker}
 * matches them to the previous frame's tracks by nearest neighbour, {@link
 * dev.flotilla.examples.stacked.SpeedCalculator} turns displacements into speeds. Frames come
 * from {@link dev.flotilla.examples.stacked.Scene}, whose objects move by known rules, so the
 * expected speeds are known exactly.
 *
 * <p>Concurrency and order: a stage forwards with a non-blocking {@code next.task(...).remote()}
 * and returns, so the five stages work on different frames at the same time; calls from one
 * caller to an actor run in the order sent, so each stage sees frames in order. {@code finish()}
 * travels the same path behind the last frame, which makes it a barrier: when it returns, every
 * frame has been collected, and the driver reads the {@link dev.flotilla.examples.stacked.Summary}
 * from the collector. The stage classes are actors (one call at a time) and not
 * thread-safe; the records are immutable.
 */
package dev.flotilla.examples.stacked;
