package dev.flarec.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.runtime.memory.Memory;
import dev.flarec.runtime.types.Limits;
import dev.flarec.wasi.abi.Errno;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedding API: what a {@link Wasi} provides and how it is configured and bound. */
class WasiTest {
  @TempDir Path dir;

  @Test
  void providesAllOfPreviewOne() {
    List<String> expected =
        List.of(
            "args_get",
            "args_sizes_get",
            "clock_res_get",
            "clock_time_get",
            "environ_get",
            "environ_sizes_get",
            "fd_advise",
            "fd_allocate",
            "fd_close",
            "fd_datasync",
            "fd_fdstat_get",
            "fd_fdstat_set_flags",
            "fd_fdstat_set_rights",
            "fd_filestat_get",
            "fd_filestat_set_size",
            "fd_filestat_set_times",
            "fd_pread",
            "fd_prestat_dir_name",
            "fd_prestat_get",
            "fd_pwrite",
            "fd_read",
            "fd_readdir",
            "fd_renumber",
            "fd_seek",
            "fd_sync",
            "fd_tell",
            "fd_write",
            "path_create_directory",
            "path_filestat_get",
            "path_filestat_set_times",
            "path_link",
            "path_open",
            "path_readlink",
            "path_remove_directory",
            "path_rename",
            "path_symlink",
            "path_unlink_file",
            "poll_oneoff",
            "proc_exit",
            "proc_raise",
            "random_get",
            "sched_yield",
            "sock_accept",
            "sock_recv",
            "sock_send",
            "sock_shutdown");
    assertEquals(expected, Wasi.functionNames());
    Wasi wasi = Wasi.builder().build();
    for (String name : expected) {
      assertTrue(wasi.imports().lookup(Wasi.MODULE, name) != null, name);
    }
  }

  @Test
  void argumentsAndEnvironmentReachTheGuest() {
    Guest guest =
        new Guest(Wasi.builder().args("prog", "ünï", "").env("A", "1").env("B", "x=y").build());
    guest.ok("args_sizes_get", Guest.OUT, Guest.OUT + 4);
    assertEquals(3, guest.u32(Guest.OUT));
    assertEquals(5 + 6 + 1, guest.u32(Guest.OUT + 4), "UTF-8 bytes and NULs");
    guest.ok("args_get", Guest.IN, Guest.BUFFER);
    assertEquals(Guest.BUFFER, guest.u32(Guest.IN));
    assertEquals("prog\0ünï\0\0", guest.string(Guest.BUFFER, 12));
    assertEquals(Guest.BUFFER + 5, guest.u32(Guest.IN + 4));
    guest.ok("environ_sizes_get", Guest.OUT, Guest.OUT + 4);
    assertEquals(2, guest.u32(Guest.OUT));
    guest.ok("environ_get", Guest.IN, Guest.BUFFER);
    assertEquals("A=1\0B=x=y\0", guest.string(Guest.BUFFER, 10));
  }

  @Test
  void nothingOfTheHostIsGivenByDefault() {
    Guest guest = new Guest(Wasi.builder().build());
    guest.ok("args_sizes_get", Guest.OUT, Guest.OUT + 4);
    assertEquals(0, guest.u32(Guest.OUT));
    guest.ok("environ_sizes_get", Guest.OUT, Guest.OUT + 4);
    assertEquals(0, guest.u32(Guest.OUT));
    assertEquals(Errno.BADF, guest.call("fd_prestat_get", 3, Guest.OUT), "no directories");
    guest.iovec(Guest.IN, Guest.BUFFER, 10);
    guest.ok("fd_read", 0, Guest.IN, 1, Guest.OUT);
    assertEquals(0, guest.u32(Guest.OUT), "standard input is empty");
  }

  @Test
  void builderRefusesWhatCannotWork() throws Exception {
    Path file = Files.writeString(dir.resolve("file"), "");
    assertThrows(IllegalArgumentException.class, () -> Wasi.builder().preopen(file, "/f").build());
    assertThrows(
        IllegalArgumentException.class,
        () -> Wasi.builder().preopen(dir.resolve("missing"), "/m").build());
    assertThrows(IllegalArgumentException.class, () -> Wasi.builder().env("A=B", "c"));
    assertThrows(IllegalArgumentException.class, () -> Wasi.builder().preopen(dir, ""));
  }

  @Test
  void oneWasiServesOneGuest() {
    Wasi wasi = Wasi.builder().build();
    IllegalStateException unbound =
        assertThrows(
            IllegalStateException.class, () -> wasi.function("random_get").handle().invoke(0, 0));
    assertTrue(unbound.getMessage().contains("Wasi.bind"), unbound.getMessage());
    Memory memory = new Memory(new Limits(1, 1));
    wasi.bind(memory);
    wasi.bind(memory);
    assertThrows(IllegalStateException.class, () -> wasi.bind(new Memory(new Limits(1, 1))));
  }
}
