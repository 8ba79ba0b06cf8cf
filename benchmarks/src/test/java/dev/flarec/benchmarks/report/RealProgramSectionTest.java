package dev.flarec.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The kernel report and the real-program report each rewrite only their own part of the file. */
class RealProgramSectionTest {
  private static final String SECTION =
      RealProgramSection.BEGIN + "\n## Real programs\nnew\n" + RealProgramSection.END;

  @Test
  void aNewSectionGoesBeforeHowToReproduce() {
    String document = "# Benchmarks\n\n## Kernels\nk\n\n## How to reproduce\nr\n";

    assertEquals(
        "# Benchmarks\n\n## Kernels\nk\n\n" + SECTION + "\n\n## How to reproduce\nr\n",
        RealProgramSection.splice(document, SECTION));
  }

  @Test
  void anExistingSectionIsReplacedAndTheRestKept() {
    String old = RealProgramSection.BEGIN + "\nold\n" + RealProgramSection.END;
    String document = "# Benchmarks\n\n" + old + "\n\n## How to reproduce\nr\n";

    assertEquals(
        "# Benchmarks\n\n" + SECTION + "\n\n## How to reproduce\nr\n",
        RealProgramSection.splice(document, SECTION));
  }

  @Test
  void theKernelReportCarriesTheSectionOver() {
    String previous = "# Benchmarks\nold kernels\n\n" + SECTION + "\n\n## How to reproduce\nr\n";
    String rewritten = "# Benchmarks\nnew kernels\n\n## How to reproduce\nr2\n";

    String kept = RealProgramSection.extract(previous);

    assertEquals(SECTION, kept);
    assertEquals(
        "# Benchmarks\nnew kernels\n\n" + SECTION + "\n\n## How to reproduce\nr2\n",
        RealProgramSection.splice(rewritten, kept));
  }

  @Test
  void aDocumentWithoutTheSectionIsUnchangedByAnEmptyOne() {
    assertEquals("# Benchmarks\n", RealProgramSection.splice("# Benchmarks\n", ""));
    assertEquals("", RealProgramSection.extract("# Benchmarks\n"));
  }
}
