package dev.flotilla.scheduler.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BundleDevicesTest {
  @Test
  void wholeGpus_eachTaskGetsItsOwnDeviceOfTheBundle() {
    var d = new BundleDevices(List.of(2, 5), 2);
    assertThat(d.allocate(1)).containsExactly(2);
    assertThat(d.allocate(1)).containsExactly(5);
    assertThat(d.allocate(1)).as("both devices taken").isNull();
    d.free(List.of(2), 1);
    assertThat(d.allocate(1)).containsExactly(2);
  }

  @Test
  void fractions_packOntoOneDevice_andLeaveTheOtherWhole() {
    var d = new BundleDevices(List.of(0, 1), 2);
    assertThat(d.allocate(0.5)).containsExactly(0);
    assertThat(d.allocate(0.5)).containsExactly(0);
    assertThat(d.allocate(1)).containsExactly(1);
    assertThat(d.allocate(0.25)).isNull();
  }

  @Test
  void aFractionalBundle_lendsItsOneDevice() {
    var d = new BundleDevices(List.of(3), 0.5);
    assertThat(d.allocate(0.25)).containsExactly(3);
    assertThat(d.allocate(0.25)).containsExactly(3);
  }

  @Test
  void noGpu_noDevices() {
    assertThat(new BundleDevices(List.of(0), 1).allocate(0)).isEmpty();
  }

  @Test
  void take_marksDevicesOfWorkThatKeptRunning() {
    var d = new BundleDevices(List.of(4, 6), 2);
    d.take(List.of(4), 1);
    assertThat(d.allocate(1)).containsExactly(6);
  }
}
