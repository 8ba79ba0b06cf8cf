package dev.flarec.hostabi.ids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Decision 24. */
class NanoIdTest {
  private final NanoId nanoId = new NanoId(new SecureRandom());

  @Test
  void alphabetIsTheSixtyFourUrlSafeSymbols() {
    assertEquals(64, NanoId.ALPHABET.length());
    assertEquals(64, NanoId.ALPHABET.chars().distinct().count());
    assertTrue(NanoId.ALPHABET.matches("[A-Za-z0-9_-]{64}"));
  }

  @Test
  void zeroMeansTwentyOne() {
    assertEquals(21, nanoId.next(0).orElseThrow().length());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 21, 36, 255, 256})
  void requestedLengthFromTheAlphabet(int length) {
    String id = nanoId.next(length).orElseThrow();
    assertEquals(length, id.length());
    assertTrue(id.matches("[A-Za-z0-9_-]+"), id);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 257, Integer.MIN_VALUE, Integer.MAX_VALUE})
  void lengthsOutsideTheRangeHaveNoId(int length) {
    assertTrue(nanoId.next(length).isEmpty());
  }

  @Test
  void everySymbolIsReachableAndIdsDoNotRepeat() {
    Set<Character> seen = new HashSet<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 2_000; i++) {
      String id = nanoId.next(0).orElseThrow();
      ids.add(id);
      for (char c : id.toCharArray()) {
        seen.add(c);
      }
    }
    assertEquals(64, seen.size());
    assertEquals(2_000, ids.size());
  }
}
