package dev.flarec.wasi.fd;

import dev.flarec.wasi.abi.Errno;
import dev.flarec.wasi.abi.ErrnoException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The guest's descriptor table: small non-negative numbers naming open descriptors. 0, 1 and 2 are
 * the standard streams, the pre-opened directories follow from 3, and a new descriptor takes the
 * lowest free number, as POSIX {@code open} does (programs that close 0 and open a file expect it
 * to become standard input).
 *
 * <p>Holds at most {@link #capacity()} descriptors, so that a guest opening files in a loop runs
 * out of numbers ({@link Errno#MFILE}) before the host runs out of file handles.
 */
public final class FdTable implements AutoCloseable {
  private final List<Descriptor> slots = new ArrayList<>();
  private final int capacity;

  public FdTable(int capacity) {
    this.capacity = capacity;
  }

  public int capacity() {
    return capacity;
  }

  /**
   * The descriptor {@code fd}.
   *
   * @throws ErrnoException {@link Errno#BADF} if {@code fd} is not open
   */
  public Descriptor get(int fd) {
    if (fd < 0 || fd >= slots.size() || slots.get(fd) == null) {
      throw ErrnoException.of(Errno.BADF);
    }
    return slots.get(fd);
  }

  /**
   * The directory {@code fd}, for a path operation.
   *
   * @throws ErrnoException {@link Errno#BADF} if {@code fd} is not open, {@link Errno#NOTDIR} if it
   *     is not a directory
   */
  public DirectoryDescriptor directory(int fd) {
    if (get(fd) instanceof DirectoryDescriptor directory) {
      return directory;
    }
    throw ErrnoException.of(Errno.NOTDIR);
  }

  /**
   * Adds {@code descriptor} under the lowest free number and returns it.
   *
   * @throws ErrnoException {@link Errno#MFILE} if the table is full (the descriptor is then closed)
   */
  public int add(Descriptor descriptor) throws IOException {
    for (int fd = 0; fd < slots.size(); fd++) {
      if (slots.get(fd) == null) {
        slots.set(fd, descriptor);
        return fd;
      }
    }
    if (slots.size() >= capacity) {
      descriptor.close();
      throw ErrnoException.of(Errno.MFILE);
    }
    slots.add(descriptor);
    return slots.size() - 1;
  }

  /**
   * Removes and closes {@code fd}.
   *
   * @throws ErrnoException {@link Errno#BADF} if {@code fd} is not open
   */
  public void close(int fd) throws IOException {
    Descriptor descriptor = get(fd);
    slots.set(fd, null);
    descriptor.close();
  }

  /**
   * Moves descriptor {@code from} to number {@code to}, closing what {@code to} held, as {@code
   * dup2} followed by {@code close(from)}. Both must be open, as in other WASI hosts.
   *
   * @throws ErrnoException {@link Errno#BADF} if either is not open
   */
  public void renumber(int from, int to) throws IOException {
    Descriptor moving = get(from);
    Descriptor replaced = get(to);
    if (from == to) {
      return;
    }
    slots.set(to, moving);
    slots.set(from, null);
    replaced.close();
  }

  /** Closes every descriptor; the first failure is thrown after all were tried. */
  @Override
  public void close() throws IOException {
    IOException first = null;
    for (int fd = 0; fd < slots.size(); fd++) {
      Descriptor descriptor = slots.get(fd);
      if (descriptor != null) {
        slots.set(fd, null);
        try {
          descriptor.close();
        } catch (IOException e) {
          if (first == null) {
            first = e;
          } else {
            first.addSuppressed(e);
          }
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
