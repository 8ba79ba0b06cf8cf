package dev.flarec.compiler.jar;

import dev.flarec.compiler.CompiledModule;
import dev.flarec.runtime.descriptor.DescriptorCodec;
import dev.flarec.runtime.descriptor.ModuleDescriptor;
import dev.flarec.runtime.instance.Instance;
import dev.flarec.runtime.instance.Module;
import dev.flarec.runtime.launch.ModuleMain;
import dev.flarec.wasi.Wasi;
import dev.flarec.wasi.launch.WasiMain;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Writes a {@link CompiledModule} as a self-contained, runnable JAR:
 *
 * <ol>
 *   <li>{@code META-INF/MANIFEST.MF}, first, with {@code Main-Class:
 *       dev.flarec.runtime.launch.ModuleMain} and {@value Module#MANIFEST_ATTRIBUTE}{@code : <class
 *       name>}, which is how {@link Module#load(java.nio.file.Path)} and the launcher find the
 *       module;
 *   <li>then, sorted by name: the generated class files, the descriptor resource ({@code <class
 *       path>}{@value DescriptorCodec#RESOURCE_SUFFIX}), and every file of the runtime under {@code
 *       dev/flarec/runtime/}.
 * </ol>
 *
 * <p>A flare ({@link FlareHost#isFlare}) gets the flare host instead of the bare runtime: every
 * file of the host bundle (runtime, host functions, server and their dependencies) and the bundle's
 * {@code Main-Class}, the flare launcher, so that {@code java -jar} serves it.
 *
 * <p>A module that uses WASI (it imports {@code wasi_snapshot_preview1} or exports {@code _start})
 * gets the WASI classes under {@value #WASI_PREFIX} beside the runtime, and the WASI launcher
 * ({@link WasiMain}) as its {@code Main-Class}, so that {@code java -jar prog.jar ARGS} runs the
 * program.
 *
 * <p>Nothing else: the compiler's own dependencies never reach the output. The output is
 * deterministic (sorted entries, one fixed timestamp, no directory entries), so compiling the same
 * module with the same flarec gives the same bytes, and builds that package compiled modules stay
 * reproducible.
 */
public final class JarWriter {
  /** The prefix of the runtime's entries, all of which every compiled JAR carries. */
  public static final String RUNTIME_PREFIX = "dev/flarec/runtime/";

  /** The launcher every compiled JAR starts with. */
  public static final String MAIN_CLASS = ModuleMain.class.getName();

  /** The prefix of the WASI classes, which JARs of modules that use WASI carry. */
  public static final String WASI_PREFIX = "dev/flarec/wasi/";

  /** The launcher of JARs of modules that use WASI. */
  public static final String WASI_MAIN_CLASS = WasiMain.class.getName();

  // 1980-02-01 rather than the zip epoch 1980-01-01, as Maven's reproducible builds do, so that
  // no time zone conversion by a reader can push a timestamp below the format's minimum.
  private static final LocalDateTime TIMESTAMP = LocalDateTime.of(1980, 2, 1, 0, 0);

  /** {@link #TIMESTAMP} as the zip format stores it (MS-DOS date and time fields). */
  private static final int DOS_DATE =
      ((TIMESTAMP.getYear() - 1980) << 9)
          | (TIMESTAMP.getMonthValue() << 5)
          | TIMESTAMP.getDayOfMonth();

  private static final int DOS_TIME =
      (TIMESTAMP.getHour() << 11) | (TIMESTAMP.getMinute() << 5) | (TIMESTAMP.getSecond() / 2);

  private final SortedMap<String, byte[]> libraries;
  private final Supplier<FlareHost> flareHost;
  private SortedMap<String, byte[]> wasiLibrary;

  /**
   * A writer that bundles the runtime this compiler was loaded with, and for flares the flare host
   * embedded in this flarec (read when the first flare is written).
   */
  public JarWriter() {
    this(PackageTree.of(Instance.class, RUNTIME_PREFIX));
  }

  /**
   * A writer that bundles the given library files with every module that is not a flare; flares get
   * the embedded flare host.
   */
  public JarWriter(Map<String, byte[]> libraries) {
    this(libraries, null);
  }

  /**
   * A writer that bundles {@code libraries} with plain modules and {@code flareHost} (all of it, in
   * place of {@code libraries}) with flares; a null host means the embedded one.
   */
  public JarWriter(Map<String, byte[]> libraries, FlareHost flareHost) {
    this.libraries = new TreeMap<>(libraries);
    this.flareHost = flareHost != null ? () -> flareHost : new EmbeddedHost();
  }

  /** Reads the embedded flare host once, when the first flare needs it: plain modules never do. */
  private static final class EmbeddedHost implements Supplier<FlareHost> {
    private FlareHost host;
    private boolean read;

    @Override
    public synchronized FlareHost get() {
      if (!read) {
        host = FlareHost.embedded();
        read = true;
      }
      return host;
    }
  }

  /** The flare host for {@code module} if it is a flare, else null. */
  private FlareHost hostFor(CompiledModule module) {
    if (!FlareHost.isFlare(module.descriptor())) {
      return null;
    }
    FlareHost host = flareHost.get();
    if (host == null) {
      throw new FlareHostMissingException();
    }
    return host;
  }

  /**
   * Writes {@code module} to {@code jar}, replacing any file there. The JAR appears complete or not
   * at all: it is written beside its destination and then moved into place. Missing parent
   * directories are created.
   */
  public void write(CompiledModule module, Path jar) throws IOException {
    Path target = jar.toAbsolutePath();
    Files.createDirectories(target.getParent());
    // a name of its own beside the target, so the final move stays within one file system;
    // not Files.createTempFile, whose owner-only permissions the JAR would keep
    Path partial =
        target.resolveSibling(
            "."
                + target.getFileName()
                + "."
                + ProcessHandle.current().pid()
                + "."
                + System.nanoTime()
                + ".partial");
    try {
      try (OutputStream out = Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW)) {
        write(module, out);
      }
      try {
        Files.move(
            partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  /**
   * Writes {@code module} as a JAR to {@code out}, which is left open. A flare host read from
   * {@code flarec.jar} is copied as stored there, still compressed; everything else is deflated
   * here.
   */
  public void write(CompiledModule module, OutputStream out) throws IOException {
    FlareHost host = hostFor(module);
    boolean wasi = host == null && usesWasi(module.descriptor());
    SortedMap<String, ZipWriter.RawEntry> stored =
        host == null ? null : host.storedEntriesFor(module.descriptor());
    ZipWriter jar = new ZipWriter(out, DOS_DATE, DOS_TIME);
    boolean multiRelease =
        host != null ? host.multiRelease() : PackageTree.isMultiRelease(libraries);
    jar.put(
        JarFile.MANIFEST_NAME, manifest(module.descriptor().className(), host, wasi, multiRelease));
    SortedMap<String, byte[]> plain =
        entries(
            module,
            stored != null
                ? Map.of()
                : host == null ? libraries : host.entriesFor(module.descriptor()),
            stored != null ? stored.keySet() : Set.of(),
            wasi);
    SortedSet<String> names = new TreeSet<>(plain.keySet());
    if (stored != null) {
      names.addAll(stored.keySet());
    }
    for (String name : names) {
      byte[] bytes = plain.get(name);
      if (bytes != null) {
        jar.put(name, bytes);
      } else {
        jar.put(stored.get(name));
      }
    }
    jar.finish();
  }

  /** The JAR as bytes. */
  public byte[] toBytes(CompiledModule module) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      write(module, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Whether {@code module} is run through WASI: it imports it, or it is a WASI command. */
  static boolean usesWasi(ModuleDescriptor module) {
    return Wasi.importsWasi(module) || Wasi.isCommand(module);
  }

  /** The WASI classes this compiler was loaded with, read when the first WASI module needs them. */
  private synchronized SortedMap<String, byte[]> wasiLibrary() {
    if (wasiLibrary == null) {
      wasiLibrary = PackageTree.of(Wasi.class, WASI_PREFIX);
    }
    return wasiLibrary;
  }

  /**
   * The entries after the manifest that are written from bytes, by name: {@code base} (the library
   * or host files read here), the WASI classes if {@code wasi}, and the module's own files, which
   * must not clash with those or with {@code copied}, the host files copied as stored.
   */
  private SortedMap<String, byte[]> entries(
      CompiledModule module, Map<String, byte[]> base, Set<String> copied, boolean wasi) {
    String className = module.descriptor().className();
    SortedMap<String, byte[]> entries = new TreeMap<>(base);
    if (wasi) {
      entries.putAll(wasiLibrary());
    }
    for (Map.Entry<String, byte[]> c : module.classFiles().entrySet()) {
      add(entries, copied, c.getKey().replace('.', '/') + ".class", c.getValue());
    }
    add(
        entries,
        copied,
        className.replace('.', '/') + DescriptorCodec.RESOURCE_SUFFIX,
        DescriptorCodec.encode(module.descriptor()));
    return entries;
  }

  private static void add(
      SortedMap<String, byte[]> entries, Set<String> copied, String name, byte[] bytes) {
    if (copied.contains(name) || entries.putIfAbsent(name, bytes) != null) {
      throw new IllegalArgumentException(
          "the module's "
              + name
              + " clashes with a runtime file of the same name;"
              + " choose a class name outside "
              + RUNTIME_PREFIX.replace('/', '.'));
    }
  }

  private static byte[] manifest(
      String className, FlareHost host, boolean wasi, boolean multiRelease) throws IOException {
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    String mainClass = wasi ? WASI_MAIN_CLASS : MAIN_CLASS;
    main.put(Attributes.Name.MAIN_CLASS, host == null ? mainClass : host.mainClass());
    if (multiRelease) {
      // the runtime's MemoryAccess for Java 24+, and the host's dependencies' per-version classes
      main.put(Attributes.Name.MULTI_RELEASE, "true");
    }
    if (host != null) {
      // Spark's SQLite driver loads native code; JDK 24+ warns about that (and later JDKs will
      // refuse) unless the JAR declares it. JDK 17 ignores the attribute.
      main.putValue("Enable-Native-Access", "ALL-UNNAMED");
    }
    main.putValue(Module.MANIFEST_ATTRIBUTE, className);
    main.putValue("Created-By", "flarec");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    manifest.write(bytes);
    return bytes.toByteArray();
  }
}
