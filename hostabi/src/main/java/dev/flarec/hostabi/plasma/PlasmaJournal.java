package dev.flarec.hostabi.plasma;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;

/**
 * Keeps a node's Plasma replica on disk: a snapshot of the whole state plus a journal of the
 * changes since, both sequences of framed {@link PlasmaCodec} records ({@code length, bytes,
 * CRC-32}). Every change is appended before the operation that made it returns, so a process that
 * is killed loses nothing it acknowledged; the file is forced to the device at most {@link
 * #SYNC_INTERVAL_MILLIS} later, which bounds what a power cut can lose. Replaying merges, and
 * merging is idempotent, so a record written twice (or a snapshot that already holds the journal's
 * first records) is harmless. A torn last record, from a crash mid-append, is cut off when the
 * journal is next opened.
 *
 * <p>When the journal passes {@link #COMPACT_BYTES} it is folded into a new snapshot (written
 * beside, forced, then renamed over the old one) and emptied.
 */
public final class PlasmaJournal implements AutoCloseable {
  static final String SNAPSHOT = "plasma.snapshot";
  static final String JOURNAL = "plasma.journal";
  static final String LOCK = "plasma.lock";
  static final long SYNC_INTERVAL_MILLIS = 1000;
  static final long COMPACT_BYTES = 8L << 20;

  private final Path directory;
  private final PlasmaStore store;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private FileChannel journal;
  private boolean dirty;
  private boolean closed;
  private final Thread syncer;

  private PlasmaJournal(Path directory, PlasmaStore store, FileChannel lockChannel, FileLock lock)
      throws IOException {
    this.directory = directory;
    this.store = store;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.journal =
        FileChannel.open(
            directory.resolve(JOURNAL),
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.READ);
    this.syncer = new Thread(this::syncLoop, "flarec-plasma-sync");
    syncer.setDaemon(true);
  }

  /**
   * Loads {@code directory}'s Plasma state into {@code store}; the caller then passes every later
   * change of the store to {@link #append}.
   *
   * @throws UncheckedIOException if the directory cannot be used, or another process uses it
   */
  public static PlasmaJournal open(Path directory, PlasmaStore store) {
    FileChannel lockChannel = null;
    try {
      Files.createDirectories(directory);
      lockChannel =
          FileChannel.open(
              directory.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = lockChannel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        throw new IOException("another server keeps its Plasma data in " + directory);
      }
      replay(directory.resolve(SNAPSHOT), store, false);
      replay(directory.resolve(JOURNAL), store, true);
      PlasmaJournal journal = new PlasmaJournal(directory, store, lockChannel, lock);
      journal.journal.position(journal.journal.size());
      journal.syncer.start();
      return journal;
    } catch (IOException e) {
      closeQuietly(lockChannel);
      throw new UncheckedIOException(
          "cannot open the Plasma data in " + directory + ": " + e.getMessage(), e);
    }
  }

  /** Merges every whole record of {@code file} into {@code store}; cuts a torn tail off. */
  private static void replay(Path file, PlasmaStore store, boolean truncateTail)
      throws IOException {
    if (!Files.exists(file)) {
      return;
    }
    byte[] bytes = Files.readAllBytes(file);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    int good = 0;
    while (in.remaining() >= 8) {
      int length = in.getInt();
      if (length < 0 || length > in.remaining() - 4) {
        break;
      }
      byte[] payload = new byte[length];
      in.get(payload);
      int crc = in.getInt();
      if (crc != crc(payload)) {
        break;
      }
      PlasmaCodec.SiteState state =
          PlasmaCodec.read(new DataInputStream(new ByteArrayInputStream(payload)));
      store.merge(state.site(), state.state());
      good = in.position();
    }
    if (good < bytes.length && truncateTail) {
      try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
        c.truncate(good);
      }
    }
  }

  private static byte[] frame(String site, PlasmaState state) {
    try {
      ByteArrayOutputStream payload = new ByteArrayOutputStream();
      PlasmaCodec.write(new DataOutputStream(payload), site, state);
      byte[] p = payload.toByteArray();
      return ByteBuffer.allocate(p.length + 8).putInt(p.length).put(p).putInt(crc(p)).array();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
  }

  private static int crc(byte[] payload) {
    CRC32 crc = new CRC32();
    crc.update(payload);
    return (int) crc.getValue();
  }

  /** Writes one change; the store's operation fails (Internal) if this throws. */
  public synchronized void append(String site, PlasmaState delta) {
    if (closed) {
      throw new IllegalStateException("the Plasma journal is closed");
    }
    try {
      writeFully(journal, frame(site, delta));
      dirty = true;
      if (journal.position() > COMPACT_BYTES) {
        compact();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the Plasma journal: " + e.getMessage(), e);
    }
  }

  /** Folds the journal into a new snapshot of the store, then empties it. Holds the lock. */
  private void compact() throws IOException {
    Path fresh = directory.resolve(SNAPSHOT + ".new");
    try (FileChannel out =
        FileChannel.open(
            fresh,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      for (String site : store.sites()) {
        writeFully(out, frame(site, store.state(site)));
      }
      out.force(true);
    }
    try {
      Files.move(fresh, directory.resolve(SNAPSHOT), StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(fresh, directory.resolve(SNAPSHOT), StandardCopyOption.REPLACE_EXISTING);
    }
    journal.truncate(0);
    journal.position(0);
    journal.force(true);
    dirty = false;
  }

  private static void writeFully(FileChannel channel, byte[] bytes) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    while (b.hasRemaining()) {
      channel.write(b);
    }
  }

  private void syncLoop() {
    while (true) {
      try {
        Thread.sleep(SYNC_INTERVAL_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
      synchronized (this) {
        if (closed) {
          return;
        }
        if (dirty) {
          try {
            journal.force(false);
            dirty = false;
          } catch (IOException e) {
            // the next append reports a broken file; a failed force is retried next round
          }
        }
      }
    }
  }

  /** Forces what was written, stops recording and releases the directory. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    syncer.interrupt();
    try {
      journal.force(true);
    } catch (IOException e) {
      // closing anyway: at worst the last second of changes waits for the OS to write it
    }
    closeQuietly(journal);
    try {
      lock.release();
    } catch (IOException e) {
      // released when the channel closes
    }
    closeQuietly(lockChannel);
  }

  private static void closeQuietly(FileChannel c) {
    if (c != null) {
      try {
        c.close();
      } catch (IOException e) {
        // nothing left to do with it
      }
    }
  }
}
