package dev.flotilla.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WaitResultTest {
  private final ObjectRef<Integer> a = TestingObjectRef.named("a");
  private final ObjectRef<Integer> b = TestingObjectRef.named("b");
  private final ObjectRef<Integer> c = TestingObjectRef.named("c");

  @Test
  void constructor_listsChangedAfterwards_resultUnchanged() {
    List<ObjectRef<Integer>> ready = new ArrayList<>(List.of(a));
    List<ObjectRef<Integer>> notReady = new ArrayList<>(List.of(b));
    var r = new WaitResult<>(ready, notReady);

    ready.add(c);
    notReady.clear();

    assertThat(r.ready()).containsExactly(a);
    assertThat(r.notReady()).containsExactly(b);
  }

  @Test
  void lists_ofResult_areUnmodifiable() {
    var r = new WaitResult<>(new ArrayList<>(List.of(a)), new ArrayList<>(List.of(b)));

    assertThatThrownBy(() -> r.ready().add(c)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> r.notReady().add(c)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void constructor_givenOrder_keptInEachList() {
    var r = new WaitResult<>(List.of(c, a), List.of(b));

    assertThat(r.ready()).containsExactly(c, a);
    assertThat(r.notReady()).containsExactly(b);
  }

  @Test
  void constructor_nullRef_throwsNullPointerException() {
    List<ObjectRef<Integer>> withNull = Arrays.asList(a, null);

    assertThatThrownBy(() -> new WaitResult<>(withNull, List.of()))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void equals_sameRefs_equal() {
    assertThat(new WaitResult<>(List.of(a), List.of(b)))
        .isEqualTo(new WaitResult<>(new ArrayList<>(List.of(a)), new ArrayList<>(List.of(b))));
  }
}
