package dev.flarec.hostabi.plasma;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.hostabi.spark.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HybridClockTest {
  @Test
  void stampsIncreaseEvenWhenTheWallClockStandsStillOrStepsBack() {
    MutableClock wall = new MutableClock(Instant.ofEpochMilli(1000));
    HybridClock clock = new HybridClock("n", wall);
    Stamp s1 = clock.next();
    Stamp s2 = clock.next();
    wall.advance(Duration.ofMillis(-500));
    Stamp s3 = clock.next();
    assertTrue(s1.compareTo(s2) < 0);
    assertTrue(s2.compareTo(s3) < 0);
  }

  @Test
  void observedRemoteStampsAreOvertaken() {
    MutableClock wall = new MutableClock(Instant.ofEpochMilli(1000));
    HybridClock clock = new HybridClock("a", wall);
    Stamp remote = new Stamp(5000, 7, "z");
    clock.observe(remote);
    assertTrue(clock.next().compareTo(remote) > 0);
  }
}
