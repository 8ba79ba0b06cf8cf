package dev.flarec.hostabi.plasma;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LwwRegisterTest {
  private static final byte[] A = {'a'};
  private static final byte[] B = {'b'};

  @Test
  void laterStampWins() {
    LwwRegister older = LwwRegister.of(A, new Stamp(10, 0, "node-z"));
    LwwRegister newer = LwwRegister.of(B, new Stamp(11, 0, "node-a"));
    assertSame(newer, older.merge(newer));
    assertSame(newer, newer.merge(older));
    LwwRegister sameMilliLaterCounter = LwwRegister.of(A, new Stamp(11, 1, "node-a"));
    assertSame(sameMilliLaterCounter, newer.merge(sameMilliLaterCounter));
  }

  @Test
  void sameTimestampIsWonByTheGreaterNodeIdWhateverTheOrder() {
    LwwRegister fromA = LwwRegister.of(A, new Stamp(10, 0, "node-a"));
    LwwRegister fromB = LwwRegister.of(B, new Stamp(10, 0, "node-b"));
    assertArrayEquals(B, fromA.merge(fromB).value());
    assertArrayEquals(B, fromB.merge(fromA).value());
  }

  @Test
  void laterDeleteWinsAndLaterSetResurrects() {
    LwwRegister set = LwwRegister.of(A, new Stamp(10, 0, "n"));
    LwwRegister delete = LwwRegister.tombstone(new Stamp(11, 0, "n"));
    assertTrue(set.merge(delete).isTombstone());
    LwwRegister again = LwwRegister.of(B, new Stamp(12, 0, "n"));
    assertArrayEquals(B, delete.merge(again).value());
  }

  @Test
  void identicalStampsStillPickOneWinnerDeterministically() {
    Stamp s = new Stamp(10, 0, "n");
    LwwRegister value = LwwRegister.of(A, s);
    LwwRegister tomb = LwwRegister.tombstone(s);
    assertTrue(value.merge(tomb).isTombstone());
    assertTrue(tomb.merge(value).isTombstone());
    LwwRegister other = LwwRegister.of(B, s);
    assertArrayEquals(B, value.merge(other).value());
    assertArrayEquals(B, other.merge(value).value());
  }
}
