package dev.flarec.testsuite.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A short seeded run of the differential fuzzer ({@link DifferentialFuzzer}): binaryen's random
 * valid modules must do under flarec exactly what they do under node.
 */
class DifferentialFuzzTest {
  @Test
  void randomModulesBehaveUnderFlarecAsUnderNode() throws IOException {
    Path wasmOpt = ReferenceTools.require("wasm-opt", "binaryen");
    Path node = ReferenceTools.require("node", "nodejs");
    long seed = FuzzSettings.seed();

    DifferentialFuzzer.Totals totals =
        new DifferentialFuzzer(wasmOpt, node, FuzzSettings.workDir("differential"))
            .run(seed, FuzzSettings.modules());

    String report =
        "seed " + seed + ": " + totals.summary() + "\n" + String.join("\n", totals.failures);
    System.out.println("differential fuzzer, " + report);
    FuzzSettings.writeTotals("differential", report);
    assertEquals(0, totals.mismatches + totals.crashes, report);
  }
}
