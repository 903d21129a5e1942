package dev.flotilla.worker.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ObjectFileNamesTest {

  @Test
  void of_plainId_isUsedAsIs() {
    assertEquals("9f2c-01.ret_0", ObjectFileNames.of("9f2c-01.ret_0"));
  }

  @Test
  void of_idWithSeparatorsOrLeadingDot_isEncodedIntoOneSafeName() {
    for (String id : new String[] {"../x", "a/b", ".hidden", "tenant:obj", "ü", " "}) {
      String name = ObjectFileNames.of(id);
      assertTrue(name.matches("=[A-Za-z0-9_-]+"), id + " -> " + name);
    }
    assertNotEquals(ObjectFileNames.of("a/b"), ObjectFileNames.of("a\\b"));
  }

  @Test
  void of_veryLongId_isHashed() {
    String name = ObjectFileNames.of("x".repeat(300) + "/");

    assertTrue(name.matches("#[0-9a-f]{64}"), name);
    assertNotEquals(name, ObjectFileNames.of("x".repeat(301) + "/"));
  }

  @Test
  void of_emptyId_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> ObjectFileNames.of(""));
  }
}
