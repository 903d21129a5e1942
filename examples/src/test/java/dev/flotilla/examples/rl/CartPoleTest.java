package dev.flotilla.examples.rl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CartPoleTest {
  @Test
  void step_atRestPushRight_followsTheCartPoleEquations() {
    CartPole env = CartPole.at(0, 0, 0, 0);

    assertThat(env.step(1)).isFalse();

    double[] s = new double[4];
    env.observe(s, 0);
    // temp = F / M = 10 / 1.1; thetaAcc = -temp / (l (4/3 - m / M)); xAcc = temp - m l thetaAcc / M
    double temp = 10 / 1.1;
    double thetaAcc = -temp / (0.5 * (4.0 / 3 - 0.1 / 1.1));
    double xAcc = temp - 0.05 * thetaAcc / 1.1;
    assertThat(s).containsExactly(new double[] {0, 0.02 * xAcc, 0, 0.02 * thetaAcc}, within(1e-12));
    assertThat(thetaAcc).isCloseTo(-14.634, within(1e-3));
  }

  @Test
  void step_alwaysPushRight_poleFallsPastTwelveDegreesWithinAFewDozenSteps() {
    CartPole env = new CartPole();
    env.reset(new SplittableRandom(1));
    int steps = 1;
    while (!env.step(1)) {
      steps++;
    }
    double[] s = new double[4];
    env.observe(s, 0);
    assertThat(steps).isBetween(5, 40);
    assertThat(Math.abs(s[2])).isGreaterThan(CartPole.THETA_LIMIT);
  }

  @Test
  void step_balancedPole_endsAfterMaxSteps() {
    CartPole env = CartPole.at(0, 0, 0, 0);
    double[] s = new double[4];
    int steps = 0;
    boolean done = false;
    while (!done) {
      env.observe(s, 0);
      done = env.step(s[2] + 0.5 * s[3] > 0 ? 1 : 0); // push under the falling pole
      steps++;
    }
    assertThat(steps).isEqualTo(CartPole.MAX_STEPS);
  }
}
