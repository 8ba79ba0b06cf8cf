package dev.flarec.wasi.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class DirMappingTest {
  @Test
  void hostAloneIsAlsoTheGuestName() {
    assertEquals(new DirMapping(Path.of("/srv/data"), "/srv/data"), DirMapping.parse("/srv/data"));
    assertEquals(new DirMapping(Path.of("."), "."), DirMapping.parse("."));
  }

  @Test
  void doubleColonSeparatesHostFromGuest() {
    assertEquals(new DirMapping(Path.of("./out"), "/out"), DirMapping.parse("./out::/out"));
    assertEquals(new DirMapping(Path.of("/tmp"), "."), DirMapping.parse("/tmp::."));
  }

  @Test
  void emptyPartsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> DirMapping.parse(""));
    assertThrows(IllegalArgumentException.class, () -> DirMapping.parse("::/x"));
    assertThrows(IllegalArgumentException.class, () -> DirMapping.parse("/x::"));
  }

  @Test
  void theVariableListsEntriesSeparatedByThePathSeparator() {
    Assumptions.assumeTrue(File.pathSeparatorChar == ':');
    assertEquals(
        List.of(new DirMapping(Path.of("/srv/in"), "/in"), new DirMapping(Path.of("/tmp"), "/tmp")),
        DirMapping.parseList("/srv/in::/in:/tmp"));
    assertEquals(List.of(), DirMapping.parseList(""));
    assertEquals(List.of(), DirMapping.parseList(null));
    assertEquals(List.of(new DirMapping(Path.of("a"), "b")), DirMapping.parseList(":a::b:"));
  }
}
