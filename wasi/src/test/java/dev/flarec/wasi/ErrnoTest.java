package dev.flarec.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.flarec.wasi.abi.Errno;
import dev.flarec.wasi.abi.ErrnoException;
import org.junit.jupiter.api.Test;

/** Spot checks of the catalogue against typenames.witx, whose order fixes the values. */
class ErrnoTest {
  @Test
  void valuesAreThoseOfTheWitx() {
    assertEquals(0, Errno.SUCCESS);
    assertEquals(1, Errno.TOO_BIG);
    assertEquals(8, Errno.BADF);
    assertEquals(21, Errno.FAULT);
    assertEquals(28, Errno.INVAL);
    assertEquals(44, Errno.NOENT);
    assertEquals(52, Errno.NOSYS);
    assertEquals(58, Errno.NOTSUP);
    assertEquals(63, Errno.PERM);
    assertEquals(76, Errno.NOTCAPABLE);
  }

  @Test
  void namesAreTheWitxNames() {
    assertEquals("2big", Errno.name(Errno.TOO_BIG));
    assertEquals("notcapable", Errno.name(Errno.NOTCAPABLE));
    assertEquals("errno 99", Errno.name(99));
  }

  @Test
  void exceptionsAreShared() {
    assertSame(ErrnoException.of(Errno.NOENT), ErrnoException.of(Errno.NOENT));
    assertEquals(Errno.NOENT, ErrnoException.of(Errno.NOENT).errno());
  }
}
