package dev.flarec.hostabi.spark;

import java.nio.file.Path;
import java.time.Clock;

/**
 * The child process of {@link SparkCrashTest}: writes {@code k0, k1, ...} to a Spark store as fast
 * as it can, printing each index once its write has returned, until it is killed.
 */
public final class SparkCrashWriter {
  private SparkCrashWriter() {}

  public static void main(String[] args) {
    SparkStore store = SparkStore.open(Path.of(args[0]), Clock.systemUTC());
    for (int i = 0; ; i++) {
      SparkCode code = store.set("site", SparkCrashTest.key(i), SparkCrashTest.value(i), 0);
      if (code != SparkCode.OK) {
        System.out.println("error " + code);
        System.exit(1);
      }
      System.out.println(i);
      System.out.flush();
    }
  }
}
