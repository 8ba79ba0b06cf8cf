package dev.flarec.benchmarks.kernel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The kernels listed in {@code kernels/kernels.tsv} (written by benchmarks/build.sh). */
public final class KernelCatalog {
  /** The one kernel that is a single very large function; benchmarked on its own. */
  public static final String BIG_FUNCTION = "bigfunc";

  private static final List<Kernel> ALL = load();

  private KernelCatalog() {}

  public static List<Kernel> all() {
    return ALL;
  }

  public static Kernel named(String name) {
    return ALL.stream()
        .filter(k -> k.name().equals(name))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("no kernel named " + name + " in kernels.tsv"));
  }

  private static List<Kernel> load() {
    String text =
        new String(Kernel.Resources.bytes("/kernels/kernels.tsv"), StandardCharsets.UTF_8);
    List<Kernel> kernels = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      kernels.add(
          new Kernel(
              f[0],
              Integer.parseInt(f[1]),
              Integer.parseInt(f[2]),
              Long.parseLong(f[3]),
              Long.parseLong(f[4].trim())));
    }
    return List.copyOf(kernels);
  }
}
