package dev.flarec.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flarec.wasi.abi.Errno;
import dev.flarec.wasi.abi.Rights;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pointers and lengths a guest gets wrong: past the end of memory, "negative" (2^31 and more, as
 * the guest's unsigned values look to Java), wrapping around, or adding up to too much. Each is an
 * errno, never a JVM exception, and a failed call leaves memory and streams as they were.
 */
class BadPointersTest {
  private static final int END = Guest.SIZE;
  private static final int NEGATIVE = 0x8000_0000;
  private static final int MINUS_ONE = -1;

  @TempDir Path dir;
  ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  Guest guest;

  @BeforeEach
  void guest() {
    Wasi wasi =
        Wasi.builder()
            .args("prog", "argument")
            .env("NAME", "value")
            .stdin(new ByteArrayInputStream("input".getBytes(StandardCharsets.US_ASCII)))
            .stdout(stdout)
            .preopen(dir, "/dir")
            .build();
    guest = new Guest(wasi);
  }

  private void fault(int errno) {
    assertEquals(Errno.name(Errno.FAULT), Errno.name(errno));
  }

  @Test
  void resultPointersOutsideMemory() {
    for (int bad : new int[] {END, END - 3, NEGATIVE, MINUS_ONE}) {
      fault(guest.call("args_sizes_get", bad, Guest.OUT));
      fault(guest.call("environ_sizes_get", Guest.OUT, bad));
      fault(guest.call("clock_time_get", 0, 0L, bad));
      fault(guest.call("fd_fdstat_get", 1, bad));
      fault(guest.call("fd_filestat_get", 3, bad));
      fault(guest.call("fd_prestat_get", 3, bad));
      fault(guest.call("fd_tell", 3, bad));
    }
  }

  @Test
  void argumentArraysThatDoNotFit() {
    // argv needs 8 bytes for two pointers, the strings 5 + 9
    fault(guest.call("args_get", END - 4, Guest.BUFFER));
    fault(guest.call("args_get", Guest.OUT, END - 10));
    fault(guest.call("environ_get", NEGATIVE, Guest.BUFFER));
    assertEquals(0, guest.u32(Guest.OUT), "nothing written by a failed call");
  }

  @Test
  void buffersPastTheEnd() {
    fault(guest.call("random_get", END - 8, 9));
    fault(guest.call("random_get", 0, MINUS_ONE));
    fault(guest.call("random_get", NEGATIVE, 1));
    fault(guest.call("fd_prestat_dir_name", 3, END - 2, 4));
    fault(guest.call("fd_readdir", 3, END - 10, 11, 0L, Guest.OUT));
  }

  @Test
  void iovecsOutsideMemoryReadAndWriteNothing() {
    int iovs = Guest.IN;
    // the array itself past the end, or too long to exist
    fault(guest.call("fd_write", 1, END - 4, 1, Guest.OUT));
    fault(guest.call("fd_write", 1, iovs, 0x2000_0000, Guest.OUT));
    fault(guest.call("fd_write", 1, iovs, MINUS_ONE, Guest.OUT));
    // a buffer past the end, negative, or wrapping around
    for (long[] buffer :
        new long[][] {{END - 2, 3}, {NEGATIVE, 4}, {0, NEGATIVE}, {0, MINUS_ONE}, {MINUS_ONE, 2}}) {
      guest.string(Guest.BUFFER, "ok");
      guest.iovec(iovs, Guest.BUFFER, 2);
      guest.iovec(iovs + 8, (int) buffer[0], (int) buffer[1]);
      fault(guest.call("fd_write", 1, iovs, 2, Guest.OUT));
      fault(guest.call("fd_read", 0, iovs, 2, Guest.OUT));
      fault(guest.call("fd_pwrite", 3, iovs, 2, 0L, Guest.OUT));
    }
    assertEquals(0, stdout.size(), "no partial write");
    // standard input was not consumed by the failed reads
    guest.iovec(iovs, Guest.BUFFER, 16);
    guest.ok("fd_read", 0, iovs, 1, Guest.OUT);
    assertEquals("input", guest.string(Guest.BUFFER, guest.u32(Guest.OUT)));
  }

  @Test
  void lengthsThatAddUpPastTwoGigabytesAreInvalid() {
    // each buffer is the whole memory, fine alone; 2^14 of them (the array fills memory too)
    // add up to 2^31 bytes, one more than a call may transfer
    int count = Guest.SIZE / 8;
    int iovs = 0;
    for (int i = 0; i < count; i++) {
      guest.iovec(iovs + 8 * i, 0, Guest.SIZE);
    }
    assertEquals(
        Errno.name(Errno.INVAL), Errno.name(guest.call("fd_write", 1, iovs, count, Guest.OUT)));
  }

  @Test
  void pathsOutsideMemoryOrMalformed() {
    fault(guest.call("path_open", 3, 0, END - 2, 5, 0, Rights.FD_READ, 0L, 0, Guest.OUT));
    fault(guest.call("path_open", 3, 0, Guest.IN, NEGATIVE, 0, Rights.FD_READ, 0L, 0, Guest.OUT));
    fault(guest.call("path_create_directory", 3, MINUS_ONE, 2));
    fault(guest.call("path_unlink_file", 3, Guest.IN, MINUS_ONE));
    // not UTF-8, and a NUL no host path can contain
    guest.memory.bytes[Guest.IN] = (byte) 0xFF;
    assertEquals(
        Errno.name(Errno.ILSEQ), Errno.name(guest.call("path_create_directory", 3, Guest.IN, 1)));
    int length = guest.string(Guest.IN, "a\0b");
    assertEquals(
        Errno.name(Errno.INVAL),
        Errno.name(guest.call("path_create_directory", 3, Guest.IN, length)));
    assertEquals(0, dir.toFile().list().length);
  }

  @Test
  void pollWithNothingOrTooMuch() {
    assertEquals(
        Errno.name(Errno.INVAL),
        Errno.name(guest.call("poll_oneoff", Guest.IN, Guest.BUFFER, 0, Guest.OUT)));
    fault(guest.call("poll_oneoff", Guest.IN, Guest.BUFFER, 0x1000_0000, Guest.OUT));
    fault(guest.call("poll_oneoff", END - 40, Guest.BUFFER, 1, Guest.OUT));
  }

  @Test
  void offsetsAndWhenceOutOfRange() throws Exception {
    Files.writeString(dir.resolve("f"), "data");
    guest.ok(
        "path_open",
        3,
        0,
        Guest.IN,
        guest.string(Guest.IN, "f"),
        0,
        Rights.FD_READ | Rights.FD_WRITE | Rights.FD_SEEK,
        0L,
        0,
        Guest.OUT);
    int fd = guest.u32(Guest.OUT);
    assertEquals(Errno.name(Errno.INVAL), Errno.name(guest.call("fd_seek", fd, -1L, 0, Guest.OUT)));
    assertEquals(Errno.name(Errno.INVAL), Errno.name(guest.call("fd_seek", fd, 0L, 3, Guest.OUT)));
    assertEquals(
        Errno.name(Errno.INVAL),
        Errno.name(guest.call("fd_seek", fd, Long.MAX_VALUE, 2, Guest.OUT)));
    guest.iovec(Guest.IN, Guest.BUFFER, 4);
    assertEquals(
        Errno.name(Errno.INVAL),
        Errno.name(guest.call("fd_pread", fd, Guest.IN, 1, -1L, Guest.OUT)));
    assertEquals(Errno.name(Errno.INVAL), Errno.name(guest.call("fd_filestat_set_size", fd, -5L)));
    assertEquals(
        Errno.name(Errno.FBIG), Errno.name(guest.call("fd_allocate", fd, Long.MAX_VALUE, 2L)));
  }
}
