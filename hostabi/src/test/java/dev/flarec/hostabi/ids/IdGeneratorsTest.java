package dev.flarec.hostabi.ids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.f4b6a3.ksuid.Ksuid;
import com.github.f4b6a3.ulid.Ulid;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Formats (flaron-abi.md §3.9, conformance item 33), time parts and ordering of every ID kind. */
class IdGeneratorsTest {
  private static final Instant NOW = Instant.parse("2026-04-07T11:12:13.456Z");
  private final SteppingClock clock = new SteppingClock(NOW);
  private final IdGenerators ids = new IdGenerators(42, clock);

  private static final String UUID_FORMAT =
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  @Test
  void uuidV4IsRandomVersionFourCanonicalLowercase() {
    String id = ids.uuidV4();
    assertTrue(id.matches(UUID_FORMAT), id);
    UUID u = UUID.fromString(id);
    assertEquals(4, u.version());
    assertEquals(2, u.variant());
  }

  @Test
  void uuidV7CarriesTheClockAndSortsInCreationOrder() {
    String id = ids.uuidV7();
    assertTrue(id.matches(UUID_FORMAT), id);
    UUID u = UUID.fromString(id);
    assertEquals(7, u.version());
    assertEquals(2, u.variant());
    // RFC 9562 §5.7: the first 48 bits are Unix milliseconds
    assertEquals(NOW.toEpochMilli(), u.getMostSignificantBits() >>> 16);
    assertSortedAndDistinct(ids::uuidV7, 36);
  }

  @Test
  void ulidIsTwentySixCrockfordCharactersWithTheClock() {
    String id = ids.ulid();
    assertTrue(id.matches("[0-9A-HJKMNP-TV-Z]{26}"), id);
    assertEquals(NOW.toEpochMilli(), Ulid.from(id).getTime());
    assertSortedAndDistinct(ids::ulid, 26);
  }

  @Test
  void ksuidIsTwentySevenBase62CharactersWithTheClock() {
    String id = ids.ksuid();
    assertTrue(id.matches("[0-9A-Za-z]{27}"), id);
    assertEquals(NOW.getEpochSecond(), Ksuid.from(id).getInstant().getEpochSecond());
    assertSortedAndDistinct(ids::ksuid, 27);
  }

  @Test
  void snowflakeIsDecimalWithThisNodesNumber() {
    String id = ids.snowflake().orElseThrow();
    assertTrue(id.matches("[1-9][0-9]*"), id);
    long value = Long.parseLong(id);
    assertEquals(42, Snowflake.nodeOf(value));
    assertEquals(NOW, Snowflake.instantOf(value));
  }

  @Test
  void idsKeepSortingWhenTheClockMoves() {
    List<String> v7 = new ArrayList<>();
    List<String> ulids = new ArrayList<>();
    List<String> ksuids = new ArrayList<>();
    List<Long> snowflakes = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      v7.add(ids.uuidV7());
      ulids.add(ids.ulid());
      ksuids.add(ids.ksuid());
      snowflakes.add(Long.parseLong(ids.snowflake().orElseThrow()));
      clock.advanceMillis(400);
    }
    assertSorted(v7);
    assertSorted(ulids);
    assertSorted(ksuids);
    for (int i = 1; i < snowflakes.size(); i++) {
      assertTrue(snowflakes.get(i) > snowflakes.get(i - 1));
    }
  }

  @Test
  void nanoIdDefaultsAndBounds() {
    assertEquals(21, ids.nanoId(0).orElseThrow().length());
    assertTrue(ids.nanoId(257).isEmpty());
  }

  /** Many IDs within one tick of a clock that stands still: still distinct and in order. */
  private static void assertSortedAndDistinct(Supplier<String> next, int length) {
    List<String> made = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      String id = next.get();
      assertEquals(length, id.length());
      made.add(id);
    }
    assertEquals(made.size(), new HashSet<>(made).size());
    assertSorted(made);
  }

  private static void assertSorted(List<String> made) {
    for (int i = 1; i < made.size(); i++) {
      assertTrue(
          made.get(i - 1).compareTo(made.get(i)) < 0, made.get(i - 1) + " !< " + made.get(i));
    }
  }
}
