package dev.flarec.runtime.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The form of {@link MemoryAccess} that Java 24 and later load from the runtime JAR's {@code
 * META-INF/versions/24} does what the Java 17 form does: every public method, called with the same
 * arguments on the same bytes, returns the same value or fails the same bounds check, and leaves
 * the same bytes. Run on any JVM, by loading that form beside this package's other classes.
 */
class MemoryAccessJava24Test {
  private static final String PACKAGE = MemoryAccess.class.getPackageName() + ".";
  private static final String JAVA_24_FORM =
      "META-INF/versions/24/" + MemoryAccess.class.getName().replace('.', '/') + ".class";

  private static final int LENGTH = 48;

  @Test
  void everyMethodOfTheJava24FormDoesWhatTheJava17FormDoes() throws Exception {
    Class<?> java24 = new Java24Forms().loadClass(MemoryAccess.class.getName());
    Map<String, Method> java17Methods = publicStaticMethods(MemoryAccess.class);
    Map<String, Method> java24Methods = publicStaticMethods(java24);
    assertEquals(java17Methods.keySet(), java24Methods.keySet());

    Random random = new Random(24);
    for (Map.Entry<String, Method> e : java17Methods.entrySet()) {
      for (int i = 0; i < 300; i++) {
        byte[] java17Bytes = pattern(LENGTH);
        byte[] java24Bytes = pattern(LENGTH);
        Object[] java17Arguments = arguments(e.getValue(), java17Bytes, random);
        Object[] java24Arguments = java17Arguments.clone();
        replace(java24Arguments, java17Bytes, java24Bytes);
        String call = e.getKey() + Arrays.deepToString(java17Arguments);
        assertEquals(
            outcome(e.getValue(), java17Arguments),
            outcome(java24Methods.get(e.getKey()), java24Arguments),
            call);
        assertArrayEquals(java17Bytes, java24Bytes, call);
      }
    }
  }

  @Test
  void theJava24FormIsThereAndLeavesUnsafeAlone() throws IOException {
    try (InputStream in = MemoryAccess.class.getClassLoader().getResourceAsStream(JAVA_24_FORM)) {
      assertNotNull(in, JAVA_24_FORM);
      String constants = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      assertTrue(constants.contains("LittleEndian"));
      assertFalse(constants.contains("sun/misc/Unsafe"), "the Java 24 form names Unsafe");
    }
  }

  private static Map<String, Method> publicStaticMethods(Class<?> c) {
    Map<String, Method> methods = new TreeMap<>();
    for (Method m : c.getDeclaredMethods()) {
      if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())) {
        methods.put(m.getName() + Arrays.toString(m.getParameterTypes()), m);
      }
    }
    return methods;
  }

  private static byte[] pattern(int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) (i * 37 + 11);
    }
    return bytes;
  }

  private static Object[] arguments(Method m, byte[] bytes, Random random) {
    List<Object> arguments = new ArrayList<>();
    Class<?>[] types = m.getParameterTypes();
    // a v128 lane's offset within its 16 bytes: the last parameter of a load, before the value of a
    // store
    int laneOffset =
        !m.getName().endsWith("Of16")
            ? -1
            : m.getName().startsWith("load") ? types.length - 1 : types.length - 2;
    for (int p = 0; p < types.length; p++) {
      Class<?> type = types[p];
      if (type == byte[].class) {
        arguments.add(bytes);
      } else if (p == laneOffset) {
        arguments.add(4 * random.nextInt(4));
      } else if (type == int.class && m.getName().endsWith("InBounds")) {
        // these may assume base + offset + width <= the array's length: the compiler proved it
        arguments.add(random.nextInt(LENGTH / 2 - 8));
      } else if (type == int.class) {
        // an address, offset or size: in bounds, at the array's end, past it; a size is never
        // more than the array's length, as Memory keeps it
        arguments.add(random.nextInt(LENGTH + 1));
      } else if (type == byte.class) {
        arguments.add((byte) random.nextInt());
      } else if (type == short.class) {
        arguments.add((short) random.nextInt());
      } else if (type == long.class) {
        arguments.add(random.nextLong());
      } else if (type == float.class) {
        arguments.add(Float.intBitsToFloat(random.nextInt()));
      } else if (type == double.class) {
        arguments.add(Double.longBitsToDouble(random.nextLong()));
      } else {
        throw new AssertionError("a parameter this test does not know: " + type);
      }
    }
    return arguments.toArray();
  }

  private static void replace(Object[] arguments, Object from, Object to) {
    for (int i = 0; i < arguments.length; i++) {
      if (arguments[i] == from) {
        arguments[i] = to;
      }
    }
  }

  /**
   * What a call did: its result (floating-point values by their bits, so that NaNs compare) or that
   * it failed a bounds check.
   */
  private static Object outcome(Method m, Object[] arguments) throws IllegalAccessException {
    try {
      Object result = m.invoke(null, arguments);
      if (result instanceof Float f) {
        return Float.floatToRawIntBits(f);
      }
      if (result instanceof Double d) {
        return Double.doubleToRawLongBits(d);
      }
      return result;
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof IndexOutOfBoundsException) {
        return "out of bounds";
      }
      throw new AssertionError(m + " threw", e.getCause());
    }
  }

  /**
   * This package's classes, defined again, with {@code MemoryAccess} from the Java 24 form: child
   * first, so that the form's calls reach its own package.
   */
  private static final class Java24Forms extends ClassLoader {
    Java24Forms() {
      super(MemoryAccessJava24Test.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith(PACKAGE) || name.endsWith("Test") || name.contains("Test$")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        if (loaded == null) {
          String path =
              name.equals(MemoryAccess.class.getName())
                  ? JAVA_24_FORM
                  : name.replace('.', '/') + ".class";
          byte[] bytes = read(path);
          loaded = defineClass(name, bytes, 0, bytes.length);
        }
        return loaded;
      }
    }

    private byte[] read(String path) throws ClassNotFoundException {
      try (InputStream in = getParent().getResourceAsStream(path)) {
        if (in == null) {
          throw new ClassNotFoundException(path);
        }
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
