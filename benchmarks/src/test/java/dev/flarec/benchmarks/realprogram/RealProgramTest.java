package dev.flarec.benchmarks.realprogram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RealProgramTest {
  @TempDir Path dir;

  @Test
  void readsTheCatalogWithArgumentsAndInputBesideIt() throws Exception {
    Path tsv = dir.resolve("programs.tsv");
    Files.writeString(
        tsv,
        "# comment\nlua-fib\tlua\t-\tlua/fib.lua\trecursion\n\nbz\tbzip2\t(none)\t(none)\tcompression\n");

    List<RealProgram> programs = RealProgram.readCatalog(tsv);

    assertEquals(2, programs.size());
    RealProgram lua = programs.get(0);
    assertEquals(List.of("lua", "-"), lua.argv());
    assertEquals(Optional.of(dir.resolve("lua/fib.lua")), lua.stdin());
    RealProgram bz = RealProgram.find(tsv, "bz");
    assertEquals(List.of("bzip2"), bz.argv());
    assertEquals(Optional.empty(), bz.stdin());
    assertEquals(0, bz.stdinBytes().length);
  }

  @Test
  void aMalformedLineIsNamedByItsNumber() throws Exception {
    Path tsv = dir.resolve("programs.tsv");
    Files.writeString(tsv, "ok\tok\t(none)\t(none)\tfine\nbroken\tline\n");

    var e = assertThrows(IllegalArgumentException.class, () -> RealProgram.readCatalog(tsv));
    assertEquals(tsv + ":2: expected 5 tab-separated fields, found 2", e.getMessage());
  }
}
