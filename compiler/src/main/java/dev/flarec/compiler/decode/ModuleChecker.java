package dev.flarec.compiler.decode;

import static dev.flarec.compiler.decode.InstructionDecoder.*;

import dev.flarec.compiler.CompileException;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads a whole binary module once, before the parser does, and rejects what is malformed or
 * invalid outside operand types with the section, function and byte offset where it is: the section
 * structure and order, every vector and name, limits, constant expressions, segments, exports, the
 * start function, and each function body through {@link BodyChecker}. Valid modules beyond flarec's
 * implementation limits ({@link Limits}) are refused here as such.
 *
 * <p>The parser alone accepts some invalid modules and reports many errors without a position or
 * with an internal exception (docs/RATIONALE.md, "Why flarec checks the binary format itself").
 */
final class ModuleChecker {
  private static final String[] SECTION_NAMES = {
    "custom",
    "type",
    "import",
    "function",
    "table",
    "memory",
    "global",
    "export",
    "start",
    "element",
    "code",
    "data",
    "data count",
    "tag"
  };

  /**
   * Where each section id may appear: the data count section comes before code, the tag section (id
   * 13, exception handling) between memory and global.
   */
  private static final int[] SECTION_ORDER = {0, 2, 4, 6, 8, 10, 14, 16, 18, 20, 24, 26, 22, 12};

  private static final long SPEC_MAX_PAGES = 65_536;

  /** A 64-bit memory's ceiling: 2^64 bytes, 2^48 pages. */
  private static final long SPEC_MAX_PAGES_64 = 1L << 48;

  private final byte[] bytes;
  private final ByteCursor in;
  private final ModuleShape module = new ModuleShape();
  private final InstructionDecoder ins;
  private long declaredFunctions = -1;
  private long codeEntries = -1;
  private long dataSegments = -1;

  private ModuleChecker(byte[] bytes) {
    this.bytes = bytes;
    this.in = new ByteCursor(bytes, 8);
    this.ins = new InstructionDecoder(in);
  }

  /** Checks {@code bytes}, whose 8-byte header is already known to be right. */
  static ModuleShape check(byte[] bytes) {
    ModuleChecker checker = new ModuleChecker(bytes);
    checker.sections();
    return checker.module;
  }

  /**
   * The bytes the parser is to read: {@code bytes} itself, or a copy in which the minimum of each
   * 32-bit table without a maximum is lowered to the parser's table limit where it exceeded it. The
   * parser refuses such a valid table; it clamps every other minimum to the same limit, which
   * {@code DescriptorBuilder} reads as "larger than the runtime can create". Memory64 offsets the
   * parser cannot read are rewritten too ({@link Memory64Offsets}).
   */
  static byte[] forParser(byte[] bytes, ModuleShape shape) {
    if (shape.oversizedTableMinimums.isEmpty() && shape.wideOffsets.isEmpty()) {
      return bytes;
    }
    byte[] copy = bytes.clone();
    for (int[] field : shape.oversizedTableMinimums) {
      writePaddedLeb(copy, field[0], field[1], PARSER_TABLE_LIMIT);
    }
    Memory64Offsets.rewrite(copy, shape.wideOffsets);
    return copy;
  }

  /** The parser's largest table minimum ({@code TableLimits.LIMIT_MAX}). */
  private static final long PARSER_TABLE_LIMIT = run.endive.wasm.types.TableLimits.LIMIT_MAX;

  /** Writes {@code value} as an unsigned LEB128 of exactly {@code length} bytes (padded). */
  private static void writePaddedLeb(byte[] out, int offset, int length, long value) {
    for (int i = 0; i < length; i++) {
      int b = (int) (value & 0x7F);
      value >>>= 7;
      out[offset + i] = (byte) (i < length - 1 ? b | 0x80 : b);
    }
  }

  private void sections() {
    int lastOrder = 0;
    String lastName = null;
    while (in.position() < bytes.length) {
      in.limit(bytes.length);
      in.section(null);
      int start = in.position();
      int id = in.u8();
      if (id >= SECTION_NAMES.length) {
        throw in.malformed(start, "malformed section id " + id);
      }
      in.section(SECTION_NAMES[id]);
      int sizeAt = in.position();
      long size = in.u32();
      if (size > in.remaining()) {
        throw in.malformed(
            sizeAt,
            "section size "
                + size
                + " runs past the end of the module ("
                + in.remaining()
                + " bytes left)");
      }
      int end = in.position() + (int) size;
      if (id != 0) {
        if (SECTION_ORDER[id] <= lastOrder) {
          throw in.malformed(
              start,
              SECTION_ORDER[id] == lastOrder
                  ? "duplicate " + SECTION_NAMES[id] + " section"
                  : "unexpected content after last section: "
                      + SECTION_NAMES[id]
                      + " section after the "
                      + lastName
                      + " section");
        }
        lastOrder = SECTION_ORDER[id];
        lastName = SECTION_NAMES[id];
      }
      in.limit(end);
      switch (id) {
        case 0 -> in.skip(end - positionAfterName());
        case 1 -> typeSection();
        case 2 -> importSection();
        case 3 -> functionSection();
        case 4 -> tableSection();
        case 5 -> memorySection();
        case 6 -> globalSection();
        case 7 -> exportSection();
        case 8 -> startSection();
        case 9 -> elementSection();
        case 10 -> codeSection();
        case 11 -> dataSection();
        case 13 -> tagSection();
        case 12 -> module.dataCount = in.u32();
        default -> throw new IllegalStateException("section id " + id);
      }
      if (in.position() != end) {
        throw in.malformed(
            in.position(),
            "section size mismatch: "
                + (end - in.position())
                + " bytes left at the end of the section");
      }
    }
    in.limit(bytes.length);
    if (Math.max(declaredFunctions, 0) != Math.max(codeEntries, 0)) {
      in.section(codeEntries < 0 ? "function" : "code");
      throw in.malformed(
          bytes.length,
          "function and code section have inconsistent lengths ("
              + Math.max(declaredFunctions, 0)
              + " functions, "
              + Math.max(codeEntries, 0)
              + " bodies)");
    }
    if (module.dataCount >= 0 && module.dataCount != Math.max(dataSegments, 0)) {
      in.section(dataSegments < 0 ? "data count" : "data");
      throw in.malformed(
          bytes.length,
          "data count and data section have inconsistent lengths ("
              + module.dataCount
              + " declared, "
              + Math.max(dataSegments, 0)
              + " segments)");
    }
  }

  /**
   * A custom section's name must be UTF-8 (§5.5.3) whatever the section is; its content is opaque.
   */
  private int positionAfterName() {
    in.name();
    return in.position();
  }

  private int countWithin(int limit, String what) {
    int at = in.position();
    int n = in.count();
    if (n > limit) {
      throw in.limit(at, n + " " + what + " exceed the parser's limit of " + limit);
    }
    return n;
  }

  /**
   * Wasm 3.0 type section: a vector of recursive groups ({@code 0x4E}, then its members) or single
   * types, each type possibly a subtype declaration ({@code 0x50}, or {@code 0x4F} when final)
   * around its composite type. flarec compiles function types; struct and array types are GC.
   */
  private void typeSection() {
    int n = countWithin(Limits.MAX_TYPES, "types");
    for (int i = 0; i < n; i++) {
      if (in.peek() == REC) {
        in.u8();
        int members = countWithin(Limits.MAX_TYPES, "types in a recursive group");
        for (int j = 0; j < members; j++) {
          subType();
        }
      } else {
        subType();
      }
      if (module.types.size() > Limits.MAX_TYPES) {
        throw in.limit(
            in.position(),
            module.types.size() + " types exceed the parser's limit of " + Limits.MAX_TYPES);
      }
    }
  }

  private static final int REC = 0x4E;
  private static final int SUB = 0x50;
  private static final int SUB_FINAL = 0x4F;

  private void subType() {
    int at = in.position();
    int form = in.peek();
    if (form == SUB || form == SUB_FINAL) {
      in.u8();
      int supers = in.count();
      for (int k = 0; k < supers; k++) {
        int superAt = in.position();
        long s = in.u32();
        if (s >= module.types.size()) {
          throw in.invalid(superAt, "unknown type " + s);
        }
      }
      at = in.position();
      form = in.peek();
    }
    in.u8();
    switch (form) {
      case 0x60 -> {
        int[] params = valueTypes(Limits.MAX_PARAMS, "parameters");
        int[] results = valueTypes(Limits.MAX_RESULTS, "results");
        module.types.add(new ModuleShape.FunctionType(params, results));
      }
      case 0x5F -> {
        int fields = in.count();
        for (int k = 0; k < fields; k++) {
          fieldType();
        }
        throw in.unsupported(at, UnsupportedFeatures.gcTypeDefinition(form));
      }
      case 0x5E -> {
        fieldType();
        throw in.unsupported(at, UnsupportedFeatures.gcTypeDefinition(form));
      }
      default ->
          throw in.malformed(
              at,
              String.format(
                  "malformed function type: form 0x%02x, not 0x60 (a function type)", form));
    }
  }

  /** A struct or array field: a storage type and its mutability. */
  private void fieldType() {
    int t = in.u8();
    if (t != 0x78 && t != 0x77) { // i8, i16: packed
      anyValueType(t);
    }
    int at = in.position();
    if (in.u8() > 1) {
      throw in.malformed(at, "malformed mutability");
    }
  }

  /** A value type of 3.0, GC's included, whose first byte {@code t} is read. */
  private void anyValueType(int t) {
    if (t == 0x63 || t == 0x64) { // (ref null ht), (ref ht)
      in.signed(33);
    } else if (t < 0x69 || t > 0x7F) {
      throw in.malformed(in.position() - 1, String.format("malformed value type 0x%02x", t));
    }
  }

  private int[] valueTypes(int limit, String what) {
    int n = countWithin(limit, what);
    int[] types = new int[n];
    for (int i = 0; i < n; i++) {
      types[i] = ValueTypes.read(in);
    }
    return types;
  }

  private void importSection() {
    int n = countWithin(Limits.MAX_IMPORTS, "imports");
    for (int i = 0; i < n; i++) {
      in.name();
      in.name();
      int at = in.position();
      int kind = in.u8();
      switch (kind) {
        case 0 -> {
          int typeAt = in.position();
          long t = in.u32();
          if (t >= module.types.size()) {
            throw in.invalid(typeAt, "unknown type " + t);
          }
          module.functions.add((int) t);
          module.importedFunctions++;
        }
        case 1 -> tableType();
        case 2 -> memoryType();
        case 3 -> {
          module.globals.add(globalType());
          module.importedGlobals++;
        }
        case 4 -> module.tags.add(tagType());
        default -> throw in.malformed(at, String.format("malformed import kind 0x%02x", kind));
      }
    }
  }

  private void tagSection() {
    int n = in.count();
    for (int i = 0; i < n; i++) {
      module.tags.add(tagType());
    }
  }

  /** A tag's type: attribute 0 (exception) and a function type without results. */
  private int tagType() {
    int at = in.position();
    int attribute = in.u8();
    if (attribute != 0) {
      throw in.malformed(at, String.format("malformed tag attribute 0x%02x", attribute));
    }
    int typeAt = in.position();
    long t = in.u32();
    if (t >= module.types.size()) {
      throw in.invalid(typeAt, "unknown type " + t);
    }
    if (module.types.get((int) t).results().length != 0) {
      throw in.invalid(typeAt, "non-empty tag result type");
    }
    return (int) t;
  }

  private void functionSection() {
    int n = countWithin(Limits.MAX_FUNCTIONS, "functions");
    declaredFunctions = n;
    for (int i = 0; i < n; i++) {
      int at = in.position();
      long t = in.u32();
      if (t >= module.types.size()) {
        throw in.invalid(at, "unknown type " + t);
      }
      module.functions.add((int) t);
    }
  }

  private void tableSection() {
    int n = countWithin(Limits.MAX_TABLES, "tables");
    for (int i = 0; i < n; i++) {
      if (in.peek() == TABLE_WITH_INITIALISER) {
        // Wasm 3.0: 0x40 0x00, the table type, then the expression its elements start as
        in.u8();
        int at = in.position();
        if (in.u8() != 0) {
          throw in.malformed(at, "malformed table: 0x40 must be followed by 0x00");
        }
        tableType();
        constantExpression(module.tables.get(module.tables.size() - 1));
      } else {
        tableType();
      }
    }
  }

  /** The first byte of a table with an initialiser expression. */
  private static final int TABLE_WITH_INITIALISER = 0x40;

  /**
   * Any size is valid; a table larger than the runtime's {@code Table.MAX_ELEMENTS} compiles, and
   * only creating it fails (a module may be compiled and never instantiated, or import the table).
   */
  private void tableType() {
    int type = ValueTypes.readReference(in);
    boolean is64 = in.peek() == 4 || in.peek() == 5;
    int minAt = in.position() + 1;
    long[] limits = limits(false);
    module.table64.add(is64);
    // A table larger than flarec's limit is valid (3.0's table64.wast defines one of 2^64 - 1
    // elements): instantiating it is what fails, with "memory limit exceeded", as for memories.
    // A 32-bit one without a maximum must still get past the parser (see forParser); a 64-bit
    // one reaches it lowered by ParserInput.
    if (!is64 && limits[1] < 0 && limits[0] > PARSER_TABLE_LIMIT) {
      // 10,000,000 needs four LEB128 bytes, and a larger minimum takes at least as many
      module.oversizedTableMinimums.add(new int[] {minAt, leb128Length(minAt)});
    }
    module.tables.add(type);
  }

  private int leb128Length(int at) {
    int n = 1;
    while ((bytes[at + n - 1] & 0x80) != 0) {
      n++;
    }
    return n;
  }

  private void memorySection() {
    int n = in.count();
    for (int i = 0; i < n; i++) {
      memoryType();
    }
  }

  private void memoryType() {
    int at = in.position();
    int flags = in.peek();
    boolean is64 = flags == 4 || flags == 5;
    long[] limits = limits(true);
    long maxPages = is64 ? SPEC_MAX_PAGES_64 : SPEC_MAX_PAGES;
    if (Long.compareUnsigned(limits[0], maxPages) > 0
        || (limits[1] != -1 && Long.compareUnsigned(limits[1], maxPages) > 0)) {
      throw in.invalid(
          at,
          is64
              ? "memory size must be at most 2^48 pages (2^64 bytes)"
              : "memory size must be at most 65536 pages (4GiB)");
    }
    module.memories++;
    module.memory64.add(is64);
    // A 32-bit memory of 2 GiB or more is valid (3.0's memory.wast defines one) but one JVM array
    // cannot hold it: instantiating it fails with "memory limit exceeded", compiling does not.
  }

  /**
   * {min, max}, max being -1 when absent; checks min <= max. Limits flags 4 and 5 are those of a
   * 64-bit memory (memory64) or table (table64), whose sizes are u64.
   */
  private long[] limits(boolean memory) {
    int at = in.position();
    int flags = in.u8();
    boolean is64 = false;
    if (flags > 1) {
      if (memory && (flags == 2 || flags == 3 || flags == 6 || flags == 7)) {
        throw in.unsupported(at, UnsupportedFeatures.sharedMemory());
      }
      if (flags == 4 || flags == 5) {
        is64 = true;
      } else {
        throw in.malformed(at, "malformed limits flags " + flags);
      }
    }
    long min = is64 ? in.u64() : in.u32();
    long max = (flags & 1) == 1 ? (is64 ? in.u64() : in.u32()) : -1;
    if (max != -1 && Long.compareUnsigned(min, max) > 0) {
      throw in.invalid(at, "size minimum must not be greater than maximum");
    }
    return new long[] {min, max};
  }

  private ModuleShape.GlobalType globalType() {
    int type = ValueTypes.read(in);
    int at = in.position();
    int mutability = in.u8();
    if (mutability > 1) {
      throw in.malformed(at, "malformed mutability " + mutability);
    }
    return new ModuleShape.GlobalType(type, mutability == 1);
  }

  private void globalSection() {
    int n = countWithin(Limits.MAX_GLOBALS, "globals");
    for (int i = 0; i < n; i++) {
      ModuleShape.GlobalType g = globalType();
      constantExpression(g.type());
      module.globals.add(g);
    }
  }

  private void exportSection() {
    int n = countWithin(Limits.MAX_EXPORTS, "exports");
    Set<String> names = new HashSet<>();
    for (int i = 0; i < n; i++) {
      int nameAt = in.position();
      String name = in.name();
      int kindAt = in.position();
      int kind = in.u8();
      int indexAt = in.position();
      long index = in.u32();
      int bound;
      String what;
      switch (kind) {
        case 0 -> {
          bound = module.functions.size();
          what = "function";
        }
        case 1 -> {
          bound = module.tables.size();
          what = "table";
        }
        case 2 -> {
          bound = module.memories;
          what = "memory";
        }
        case 3 -> {
          bound = module.globals.size();
          what = "global";
        }
        case 4 -> {
          bound = module.tags.size();
          what = "tag";
        }
        default -> throw in.malformed(kindAt, String.format("malformed export kind 0x%02x", kind));
      }
      if (index >= bound) {
        throw in.invalid(
            indexAt, "unknown " + what + " " + index + " exported as \"" + name + "\"");
      }
      if (!names.add(name)) {
        throw in.invalid(nameAt, "duplicate export name \"" + name + "\"");
      }
      if (kind == 0) {
        module.declaredReferences.add((int) index);
      }
    }
  }

  private void startSection() {
    int at = in.position();
    long f = in.u32();
    if (f >= module.functions.size()) {
      throw in.invalid(at, "unknown function " + f);
    }
    ModuleShape.FunctionType t = module.types.get(module.functions.get((int) f));
    if (t.params().length != 0 || t.results().length != 0) {
      throw in.invalid(at, "start function " + f + " must take no parameters and return nothing");
    }
  }

  private void elementSection() {
    int n = in.count();
    for (int i = 0; i < n; i++) {
      int at = in.position();
      long flags = in.u32();
      if (flags > 7) {
        throw in.malformed(at, "malformed elements segment kind " + flags);
      }
      boolean passiveOrDeclarative = (flags & 1) != 0;
      boolean explicitTable = (flags & 2) != 0;
      boolean expressions = (flags & 4) != 0;
      long table = 0;
      int tableAt = at;
      if (!passiveOrDeclarative) {
        if (explicitTable) {
          tableAt = in.position();
          table = in.u32();
        }
        if (table >= module.tables.size()) {
          throw in.invalid(tableAt, "unknown table " + table);
        }
        constantExpression(module.table64.get((int) table) ? ValueTypes.I64 : ValueTypes.I32);
      }
      int type = ValueTypes.FUNCREF;
      if (passiveOrDeclarative || explicitTable) {
        if (expressions) {
          type = ValueTypes.readReference(in);
        } else {
          int kindAt = in.position();
          if (in.u8() != 0) {
            throw in.malformed(kindAt, "malformed element kind: only 0x00 (funcref) exists");
          }
        }
      }
      int items = in.count();
      for (int j = 0; j < items; j++) {
        if (expressions) {
          constantExpression(type);
        } else {
          int fAt = in.position();
          long f = in.u32();
          if (f >= module.functions.size()) {
            throw in.invalid(fAt, "unknown function " + f);
          }
          module.declaredReferences.add((int) f);
        }
      }
      if (!passiveOrDeclarative && module.tables.get((int) table) != type) {
        throw in.invalid(
            at,
            "type mismatch: a segment of "
                + ValueTypes.name(type)
                + " for a table of "
                + ValueTypes.name(module.tables.get((int) table)));
      }
      module.elements.add(type);
    }
  }

  private void codeSection() {
    int n = in.count();
    codeEntries = n;
    if (n != Math.max(declaredFunctions, 0)) {
      throw in.malformed(
          in.position(),
          "function and code section have inconsistent lengths ("
              + Math.max(declaredFunctions, 0)
              + " functions, "
              + n
              + " bodies)");
    }
    int sectionEnd = in.limit();
    BodyChecker body = new BodyChecker(in, module);
    for (int i = 0; i < n; i++) {
      int function = module.importedFunctions + i;
      in.function(function);
      int sizeAt = in.position();
      long size = in.u32();
      if (size > in.remaining()) {
        throw in.malformed(
            sizeAt, "function body size " + size + " runs past the end of the section");
      }
      if (size > Limits.MAX_FUNCTION_BYTES) {
        throw in.limit(
            sizeAt,
            "a function body of "
                + size
                + " bytes exceeds the parser's limit of "
                + Limits.MAX_FUNCTION_BYTES);
      }
      int bodyEnd = in.position() + (int) size;
      in.limit(bodyEnd);
      ModuleShape.FunctionType type = module.types.get(module.functions.get(function));
      long locals = type.params().length;
      long declared = 0;
      int localsAt = in.position();
      int groups = in.count();
      for (int g = 0; g < groups; g++) {
        int at = in.position();
        long count = in.u32();
        declared += count;
        if (declared > 0xFFFF_FFFFL) {
          throw in.malformed(at, "too many locals: more than 2^32-1");
        }
        ValueTypes.read(in);
      }
      if (declared > Limits.MAX_LOCALS) {
        throw in.limit(
            localsAt,
            "a function declaring "
                + declared
                + " locals exceeds the parser's limit of "
                + Limits.MAX_LOCALS);
      }
      body.check(locals + declared);
      in.limit(sectionEnd);
      in.function(CompileException.UNKNOWN);
    }
  }

  private void dataSection() {
    int n = countWithin(Limits.MAX_DATA_SEGMENTS, "data segments");
    dataSegments = n;
    for (int i = 0; i < n; i++) {
      int at = in.position();
      long flags = in.u32();
      if (flags > 2) {
        throw in.malformed(at, "malformed data segment kind " + flags);
      }
      if (flags != 1) {
        long memory = 0;
        if (flags == 2) {
          at = in.position();
          memory = in.u32();
        }
        if (memory >= module.memories) {
          throw in.invalid(at, "unknown memory " + memory);
        }
        constantExpression(module.isMemory64(memory) ? ValueTypes.I64 : ValueTypes.I32);
      }
      in.skip(in.count());
    }
  }

  /**
   * A constant expression of type {@code expected} (§3.3.10): constant instructions, {@code
   * global.get} of an immutable global (in a global's initialiser, only of one defined before it),
   * and since WebAssembly 3.0 (extended constant expressions) {@code i32/i64.add, sub, mul}, ending
   * with {@code end} and leaving exactly one value of the expected type.
   */
  private void constantExpression(int expected) {
    int start = in.position();
    java.util.ArrayDeque<Integer> stack = new java.util.ArrayDeque<>();
    while (true) {
      ins.next();
      if (ins.op == END) {
        break;
      }
      switch (ins.op) {
        case I32_CONST -> stack.push(ValueTypes.I32);
        case I64_CONST -> stack.push(ValueTypes.I64);
        case F32_CONST -> stack.push(ValueTypes.F32);
        case F64_CONST -> stack.push(ValueTypes.F64);
        case V128_CONST -> stack.push(ValueTypes.V128);
        case REF_NULL -> stack.push((int) ins.a);
        case REF_FUNC -> {
          if (ins.a >= module.functions.size()) {
            throw in.invalid(ins.offset, "unknown function " + ins.a);
          }
          module.declaredReferences.add((int) ins.a);
          stack.push(ValueTypes.FUNCREF);
        }
        case GLOBAL_GET -> {
          if (ins.a >= module.globals.size()) {
            throw in.invalid(ins.offset, "unknown global " + ins.a);
          }
          ModuleShape.GlobalType g = module.globals.get((int) ins.a);
          if (g.mutable()) {
            throw in.invalid(
                ins.offset, "constant expression required: global " + ins.a + " is mutable");
          }
          stack.push(g.type());
        }
        case I32_ADD, I32_SUB, I32_MUL -> arithmetic(stack, ValueTypes.I32);
        case I64_ADD, I64_SUB, I64_MUL -> arithmetic(stack, ValueTypes.I64);
        default -> {
          int at = ins.offset;
          if (ins.op != BLOCK && ins.op != LOOP && ins.op != IF) {
            skipExpression();
          }
          throw in.invalid(at, "constant expression required");
        }
      }
    }
    if (stack.isEmpty()) {
      throw in.invalid(
          start,
          "type mismatch: an empty constant expression where "
              + ValueTypes.name(expected)
              + " is expected");
    }
    if (stack.size() > 1) {
      throw in.invalid(
          start, "type mismatch: a constant expression leaving " + stack.size() + " values");
    }
    int type = stack.pop();
    if (type != expected) {
      throw in.invalid(
          start,
          "type mismatch: "
              + ValueTypes.name(type)
              + " where "
              + ValueTypes.name(expected)
              + " is expected");
    }
  }

  /** An integer operator of a constant expression: pops two {@code type}s, pushes one. */
  private void arithmetic(java.util.ArrayDeque<Integer> stack, int type) {
    for (int i = 0; i < 2; i++) {
      Integer operand = stack.poll();
      if (operand == null || operand != type) {
        throw in.invalid(
            ins.offset,
            "type mismatch: "
                + (operand == null ? "no operand" : ValueTypes.name(operand))
                + " where "
                + ValueTypes.name(type)
                + " is expected");
      }
    }
    stack.push(type);
  }

  /**
   * Decodes up to the expression's end, so that a malformed instruction is found before an invalid
   * one.
   */
  private void skipExpression() {
    while (ins.op != END) {
      ins.next();
    }
  }
}
