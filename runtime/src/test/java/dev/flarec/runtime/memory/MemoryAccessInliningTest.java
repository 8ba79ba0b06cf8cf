package dev.flarec.runtime.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every load and store helper stays within 35 bytes of bytecode, HotSpot's limit for inlining a
 * callee at a call site that is not hot ({@code MaxInlineSize}): generated code calls them from
 * everywhere, most sites run rarely, and C2 must still inline each access into a single machine
 * load or store. And each is one that C1 does not inline: its operand stack and the locals beyond
 * its parameters exceed {@code C1InlineStackLimit}, so that C1 code calls the helper's C2 code
 * rather than carrying the helper's profiling at every access
 * (docs/RATIONALE.md#why-c1-code-calls-the-memory-helpers). Read from the class file, as HotSpot
 * reads it.
 */
class MemoryAccessInliningTest {
  private static final int MAX_INLINE_SIZE = 35;

  /** {@code C1InlineStackLimit} under tiered compilation (Java 17 to 25). */
  private static final int C1_INLINE_STACK_LIMIT = 5;

  /** The class files of the two forms, as resource paths. */
  private static final String JAVA_17_FORM =
      "/" + MemoryAccess.class.getName().replace('.', '/') + ".class";

  private static final String JAVA_24_FORM = "/META-INF/versions/24" + JAVA_17_FORM;

  @Test
  void everyAccessFitsTheInliningLimitOfColdCallSites() throws IOException {
    assertAccessesFit(JAVA_17_FORM);
  }

  /** The form Java 24 and later load. */
  @Test
  void soDoTheAccessesOfTheJava24Form() throws IOException {
    assertAccessesFit(JAVA_24_FORM);
  }

  @Test
  void noAccessFitsC1sStackLimitForInlining() throws IOException {
    assertC1CallsEveryAccess(JAVA_17_FORM);
  }

  @Test
  void norDoesAnyOfTheJava24Form() throws IOException {
    assertC1CallsEveryAccess(JAVA_24_FORM);
  }

  private static void assertC1CallsEveryAccess(String classFile) throws IOException {
    List<MethodInfo> inlinedByC1 =
        accessesOf(classFile).stream()
            .filter(m -> m.c1InlineStack() <= C1_INLINE_STACK_LIMIT)
            .collect(Collectors.toList());
    assertEquals(List.of(), inlinedByC1, classFile);
  }

  private static List<MethodInfo> accessesOf(String classFile) throws IOException {
    List<MethodInfo> accesses =
        methodsOf(classFile).stream()
            .filter(m -> m.name().startsWith("load") || m.name().startsWith("store"))
            .collect(Collectors.toList());
    // six widths (byte, short, int, long, float, double; load and store) in two forms
    assertTrue(accesses.size() >= 24, () -> "found only " + accesses + " in " + classFile);
    return accesses;
  }

  private static void assertAccessesFit(String classFile) throws IOException {
    List<MethodInfo> accesses = accessesOf(classFile);
    List<MethodInfo> tooLarge =
        accesses.stream()
            .filter(m -> m.codeLength() > MAX_INLINE_SIZE)
            .collect(Collectors.toList());
    assertEquals(List.of(), tooLarge, classFile);
  }

  /** One method of a class file: its name, descriptor and what its Code attribute says. */
  private record MethodInfo(
      String name, String descriptor, int maxStack, int maxLocals, int codeLength) {
    /**
     * What C1 holds against {@code C1InlineStackLimit}: the operand stack, with the one slot
     * HotSpot adds to every method's ({@code extra_stack_entries}), plus the locals beyond the
     * parameters (HotSpot's {@code GraphBuilder::try_inline_full}).
     */
    int c1InlineStack() {
      return maxStack + 1 + maxLocals - parameterSlots();
    }

    private int parameterSlots() {
      int slots = 0;
      for (int i = 1; descriptor.charAt(i) != ')'; i++) {
        char c = descriptor.charAt(i);
        if (c == 'J' || c == 'D') {
          slots += 2;
          continue;
        }
        slots++;
        while (descriptor.charAt(i) == '[') {
          i++;
        }
        if (descriptor.charAt(i) == 'L') {
          i = descriptor.indexOf(';', i);
        }
      }
      return slots;
    }
  }

  /** The methods with code of a class, read from its class file (JVMS 4), a resource path. */
  private static List<MethodInfo> methodsOf(String classFile) throws IOException {
    try (InputStream raw = MemoryAccessInliningTest.class.getResourceAsStream(classFile);
        var in = new DataInputStream(raw)) {
      in.readInt(); // magic
      in.readInt(); // minor and major version
      int count = in.readUnsignedShort();
      String[] utf8 = new String[count];
      for (int i = 1; i < count; i++) {
        int tag = in.readUnsignedByte();
        switch (tag) {
          case 1 -> utf8[i] = in.readUTF();
          case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
          case 5, 6 -> {
            in.skipNBytes(8);
            i++; // a long or double takes two entries
          }
          case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
          case 15 -> in.skipNBytes(3);
          default -> throw new IOException("constant pool tag " + tag);
        }
      }
      in.skipNBytes(6); // access, this, super
      in.skipNBytes(2L * in.readUnsignedShort()); // interfaces
      int fields = in.readUnsignedShort();
      for (int f = 0; f < fields; f++) {
        in.skipNBytes(6);
        skipAttributes(in);
      }
      List<MethodInfo> methods = new ArrayList<>();
      int methodCount = in.readUnsignedShort();
      for (int m = 0; m < methodCount; m++) {
        in.skipNBytes(2);
        String name = utf8[in.readUnsignedShort()];
        String descriptor = utf8[in.readUnsignedShort()];
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
          String attribute = utf8[in.readUnsignedShort()];
          long length = in.readInt() & 0xFFFFFFFFL;
          if (attribute.equals("Code")) {
            int maxStack = in.readUnsignedShort();
            int maxLocals = in.readUnsignedShort();
            int codeLength = in.readInt();
            in.skipNBytes(length - 8);
            methods.add(new MethodInfo(name, descriptor, maxStack, maxLocals, codeLength));
          } else {
            in.skipNBytes(length);
          }
        }
      }
      return methods;
    }
  }

  private static void skipAttributes(DataInputStream in) throws IOException {
    int attributes = in.readUnsignedShort();
    for (int a = 0; a < attributes; a++) {
      in.skipNBytes(2);
      in.skipNBytes(in.readInt() & 0xFFFFFFFFL);
    }
  }
}
