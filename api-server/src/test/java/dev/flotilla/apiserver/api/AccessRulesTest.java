package dev.flotilla.apiserver.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.apiserver.auth.Allow;
import org.junit.jupiter.api.Test;

/** Every resource method states its access rule; the filter refuses those that do not. */
class AccessRulesTest {

  @Test
  void everyResourceMethod_hasAllowRule() {
    assertThat(ResourceMethods.all())
        .allSatisfy(m -> assertThat(m.method().getAnnotation(Allow.class)).as(m.key()).isNotNull());
  }
}
