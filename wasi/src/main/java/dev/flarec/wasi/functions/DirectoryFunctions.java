package dev.flarec.wasi.functions;

import dev.flarec.wasi.abi.Abi;
import dev.flarec.wasi.abi.Errno;
import dev.flarec.wasi.abi.ErrnoException;
import dev.flarec.wasi.abi.GuestMemory;
import dev.flarec.wasi.abi.Layout;
import dev.flarec.wasi.fd.DirectoryDescriptor;
import dev.flarec.wasi.fs.DirectoryEntries;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Directories as descriptors: discovering the pre-opened ones ({@code fd_prestat_get}, {@code
 * fd_prestat_dir_name}), which the C library does at start-up by probing descriptors from 3 up
 * until {@code badf}, and listing entries ({@code fd_readdir}).
 */
final class DirectoryFunctions {
  private final WasiContext context;

  DirectoryFunctions(WasiContext context) {
    this.context = context;
  }

  /**
   * Describes a pre-opened directory.
   *
   * <p>Parameters: {@code fd} — the descriptor; {@code prestatAddress} — where to write a {@code
   * prestat} (8 bytes: tag {@code u8} 0 for a directory, then the length of its name in bytes,
   * {@code u32} at 4).
   *
   * <p>Errno: {@code success}; {@code badf} if {@code fd} is not open or is not a pre-opened
   * directory (which ends the C library's probing); {@code fault} if the {@code prestat} does not
   * fit inside memory.
   *
   * <p>Guest memory: the {@code prestat}.
   *
   * <p>Spec: wasi_snapshot_preview1 {@code fd_prestat_get}.
   */
  int fdPrestatGet(int fd, int prestatAddress) {
    try {
      byte[] name = preopenName(fd);
      GuestMemory memory = context.memory();
      memory.check(prestatAddress, Layout.Prestat.SIZE);
      memory.putU64(prestatAddress, 0);
      memory.putU8(prestatAddress + Layout.Prestat.TAG, Abi.PreopenType.DIR);
      memory.putU32(prestatAddress + Layout.Prestat.NAME_LEN, name.length);
      return Errno.SUCCESS;
    } catch (RuntimeException e) {
      return WasiFunctions.errnoOf(e);
    }
  }

  /**
   * Returns the name the guest knows a pre-opened directory by (for example {@code /data}).
   *
   * <p>Parameters: {@code fd} — the descriptor; {@code nameAddress}, {@code nameLength} — the
   * buffer to fill and its size, which must be at least the length {@code fd_prestat_get} gave.
   *
   * <p>Errno: {@code success}; {@code badf} if {@code fd} is not a pre-opened directory; {@code
   * nametoolong} if the buffer is too small; {@code fault} if it does not lie inside memory.
   *
   * <p>Guest memory: the name's UTF-8 bytes, without a NUL.
   *
   * <p>Spec: wasi_snapshot_preview1 {@code fd_prestat_dir_name}.
   */
  int fdPrestatDirName(int fd, int nameAddress, int nameLength) {
    try {
      byte[] name = preopenName(fd);
      GuestMemory memory = context.memory();
      memory.check(nameAddress, nameLength);
      if (Integer.compareUnsigned(nameLength, name.length) < 0) {
        throw ErrnoException.of(Errno.NAMETOOLONG);
      }
      memory.write(nameAddress, name);
      return Errno.SUCCESS;
    } catch (RuntimeException e) {
      return WasiFunctions.errnoOf(e);
    }
  }

  /**
   * Reads directory entries into a buffer, starting at a cookie. Each entry is a {@code dirent}
   * header (24 bytes: cookie of the next entry {@code u64}, inode {@code u64}, name length {@code
   * u32}, file type {@code u8}) followed by the name, without a NUL. Entries are {@code .}, {@code
   * ..}, then the rest sorted by name; the last one may be cut off at the buffer's end, and a
   * buffer left partly empty means the listing is complete.
   *
   * <p>Parameters: {@code fd} — the directory; {@code bufferAddress}, {@code bufferLength} — the
   * buffer to fill; {@code cookie} — where to start: 0 for the first entry, else the {@code d_next}
   * of the last entry read; {@code usedAddress} — where to write how many bytes were filled ({@code
   * u32}).
   *
   * <p>Errno: {@code success}; {@code badf} if {@code fd} is not open; {@code notdir} if it is not
   * a directory; {@code fault} if the buffer or {@code usedAddress} lies outside memory.
   *
   * <p>Guest memory: the entries, and the bytes used at {@code usedAddress}.
   *
   * <p>Spec: wasi_snapshot_preview1 {@code fd_readdir}.
   */
  int fdReaddir(int fd, int bufferAddress, int bufferLength, long cookie, int usedAddress) {
    try {
      DirectoryDescriptor directory = context.descriptors().directory(fd);
      GuestMemory memory = context.memory();
      memory.check(bufferAddress, bufferLength);
      memory.check(usedAddress, 4);
      List<DirectoryEntries.Entry> entries = directory.entries(cookie);
      int used = 0;
      // cookies are u64: one of 2^63 or more is past any listing
      for (long i = cookie; i >= 0 && i < entries.size() && used < bufferLength; i++) {
        byte[] record = dirent(entries.get((int) i), i + 1);
        int n = Math.min(record.length, bufferLength - used);
        System.arraycopy(record, 0, memory.bytes(), bufferAddress + used, n);
        used += n;
      }
      memory.putU32(usedAddress, used);
      return Errno.SUCCESS;
    } catch (IOException | RuntimeException e) {
      return WasiFunctions.errnoOf(e);
    }
  }

  private static byte[] dirent(DirectoryEntries.Entry entry, long next) {
    byte[] record = new byte[Layout.Dirent.SIZE + entry.name().length];
    ByteBuffer b = ByteBuffer.wrap(record).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(Layout.Dirent.NEXT, next);
    b.putLong(Layout.Dirent.INO, entry.ino());
    b.putInt(Layout.Dirent.NAMLEN, entry.name().length);
    b.put(Layout.Dirent.TYPE, (byte) entry.fileType());
    System.arraycopy(entry.name(), 0, record, Layout.Dirent.SIZE, entry.name().length);
    return record;
  }

  private byte[] preopenName(int fd) {
    if (context.descriptors().get(fd) instanceof DirectoryDescriptor directory
        && directory.preopenName() != null) {
      return directory.preopenName().getBytes(StandardCharsets.UTF_8);
    }
    throw ErrnoException.of(Errno.BADF);
  }
}
