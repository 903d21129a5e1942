package dev.flotilla.scheduler.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.scheduler.core.SchedulingProfile.PluginConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PluginRegistryTest {

  @Test
  void withDefaults_builtInPlugins_areRegistered() {
    assertThat(PluginRegistry.withDefaults().names())
        .containsExactly(
            "NodeAlive", "LabelSelector", "ResourceFit", "HybridPackSpread", "Locality");
  }

  @Test
  void register_duplicateName_throws() {
    PluginRegistry registry = PluginRegistry.withDefaults();

    assertThatThrownBy(
            () -> registry.register("ResourceFit", args -> TestingFilter.counting("ResourceFit")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("plugin ResourceFit is already registered");
  }

  @Test
  void create_unknownName_throwsListingKnownNames() {
    assertThatThrownBy(() -> PluginRegistry.withDefaults().create("Nope", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown scheduler plugin Nope; known: NodeAlive, ");
  }

  @Test
  void create_factoryBuildsOtherName_throws() {
    PluginRegistry registry =
        new PluginRegistry().register("A", args -> TestingFilter.counting("B"));

    assertThatThrownBy(() -> registry.create("A", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("factory for A built a plugin named B");
  }

  @Test
  void create_unknownArgument_throws() {
    assertThatThrownBy(
            () -> PluginRegistry.withDefaults().create("Locality", Map.of("minByte", "1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("plugin Locality has no argument minByte");
  }

  @Test
  void create_malformedArgument_throws() {
    assertThatThrownBy(
            () ->
                PluginRegistry.withDefaults()
                    .create("HybridPackSpread", Map.of("spreadThreshold", "half")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a number: half");
  }

  @Test
  void profile_pluginListedTwice_throws() {
    assertThatThrownBy(
            () ->
                new SchedulingProfile(
                    "p",
                    List.of(PluginConfig.of("NodeAlive"), PluginConfig.of("NodeAlive")),
                    List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("profile p lists NodeAlive twice");
  }

  @Test
  void profile_negativeWeight_throws() {
    assertThatThrownBy(() -> PluginConfig.of("Locality", -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
