package dev.flotilla.apiserver.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.apiserver.auth.Allow;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The test catalogue {@link Endpoints#ALL} names exactly the endpoints the server has, with the
 * rules their {@link Allow} annotations state: a new endpoint without a catalogue entry (and so
 * without role-matrix, isolation and bad-input coverage) fails here.
 */
class EndpointsTest {

  @Test
  void catalogue_coversEveryResourceMethodWithItsRule() {
    Map<String, ResourceMethods.ResourceMethod> served = ResourceMethods.all().stream()
        .collect(Collectors.toMap(ResourceMethods.ResourceMethod::key, Function.identity()));
    Map<String, Endpoints.Endpoint> catalogued = Endpoints.ALL.stream()
        .collect(Collectors.toMap(Endpoints.Endpoint::key, Function.identity()));

    assertThat(catalogued.keySet()).containsExactlyInAnyOrderElementsOf(served.keySet());
    assertThat(catalogued.values()).allSatisfy(e ->
        assertThat(served.get(e.key()).method().getAnnotation(Allow.class).value()).as(e.key()).isEqualTo(e.rule()));
  }
}
