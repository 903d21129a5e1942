package dev.flotilla.examples.rl;

import java.util.SplittableRandom;

/**
 * The classic cart-pole balancing task (Barto, Sutton and Anderson, 1983) with the constants and
 * Euler integration of Gym's {@code CartPole-v1}: push the cart left or right to keep the pole
 * upright; the reward is 1 for every step until the pole leans more than 12 degrees, the cart
 * leaves the track ({@code |x| > 2.4}) or {@link #MAX_STEPS} pass. Not thread-safe.
 */
public final class CartPole {
  /** Steps after which an episode ends even with the pole still up: the best return. */
  public static final int MAX_STEPS = 500;

  /** Observation size: cart position, cart velocity, pole angle, pole angular velocity. */
  public static final int OBSERVATION_SIZE = 4;

  static final double GRAVITY = 9.8;
  static final double MASS_CART = 1.0;
  static final double MASS_POLE = 0.1;
  static final double TOTAL_MASS = MASS_CART + MASS_POLE;
  static final double HALF_POLE_LENGTH = 0.5;
  static final double POLE_MASS_LENGTH = MASS_POLE * HALF_POLE_LENGTH;
  static final double FORCE = 10.0;
  static final double TAU = 0.02;
  static final double X_LIMIT = 2.4;
  static final double THETA_LIMIT = 12 * 2 * Math.PI / 360;

  private double x;
  private double xDot;
  private double theta;
  private double thetaDot;
  private int steps;

  /** A cart-pole in the given state, for tests. */
  static CartPole at(double x, double xDot, double theta, double thetaDot) {
    var c = new CartPole();
    c.x = x;
    c.xDot = xDot;
    c.theta = theta;
    c.thetaDot = thetaDot;
    return c;
  }

  /** Starts an episode from a state drawn uniformly from [-0.05, 0.05] in every coordinate. */
  public void reset(SplittableRandom rng) {
    x = rng.nextDouble(-0.05, 0.05);
    xDot = rng.nextDouble(-0.05, 0.05);
    theta = rng.nextDouble(-0.05, 0.05);
    thetaDot = rng.nextDouble(-0.05, 0.05);
    steps = 0;
  }

  /**
   * Pushes the cart for one time step of {@link #TAU} seconds.
   *
   * @param action 0 pushes left, 1 pushes right
   * @return true when the episode is over (the step still earned its reward)
   */
  public boolean step(int action) {
    double force = action == 1 ? FORCE : -FORCE;
    double cos = StrictMath.cos(theta);
    double sin = StrictMath.sin(theta);
    double temp = (force + POLE_MASS_LENGTH * thetaDot * thetaDot * sin) / TOTAL_MASS;
    double thetaAcc =
        (GRAVITY * sin - cos * temp)
            / (HALF_POLE_LENGTH * (4.0 / 3.0 - MASS_POLE * cos * cos / TOTAL_MASS));
    double xAcc = temp - POLE_MASS_LENGTH * thetaAcc * cos / TOTAL_MASS;
    x += TAU * xDot;
    xDot += TAU * xAcc;
    theta += TAU * thetaDot;
    thetaDot += TAU * thetaAcc;
    steps++;
    return Math.abs(x) > X_LIMIT || Math.abs(theta) > THETA_LIMIT || steps >= MAX_STEPS;
  }

  /** Writes the observation into {@code out[offset .. offset + 3]}. */
  public void observe(double[] out, int offset) {
    out[offset] = x;
    out[offset + 1] = xDot;
    out[offset + 2] = theta;
    out[offset + 3] = thetaDot;
  }
}
