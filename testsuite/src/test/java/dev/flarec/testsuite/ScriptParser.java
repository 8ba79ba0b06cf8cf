package dev.flarec.testsuite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flarec.testsuite.Command.Action;
import dev.flarec.testsuite.Command.ModuleFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the JSON that wast2json writes into the {@link Command} model.
 *
 * <p>The JSON is read as a tree rather than bound to classes because its commands are a tagged
 * union whose fields vary by {@code "type"}; reading each kind explicitly also makes an unexpected
 * shape fail loudly here, with its line, instead of as a puzzling runner failure.
 */
final class ScriptParser {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ScriptParser() {}

  /** Parses {@code json}, whose module files lie beside it. */
  static Script parse(String name, Path json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + json, e);
    }
    List<Command> commands = new ArrayList<>();
    for (JsonNode node : root.path("commands")) {
      try {
        commands.add(command(node));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            name
                + ".wast line "
                + node.path("line").asInt()
                + ": cannot read command "
                + node
                + ": "
                + e.getMessage(),
            e);
      }
    }
    return new Script(name, json.getParent(), List.copyOf(commands));
  }

  static Command command(JsonNode node) {
    int line = node.path("line").asInt();
    String type = node.path("type").asText();
    return switch (type) {
      case "module" -> new Command.ModuleCommand(line, optional(node, "name"), moduleFile(node));
      case "register" ->
          new Command.RegisterCommand(line, optional(node, "name"), required(node, "as"));
      case "action" -> new Command.ActionCommand(line, action(node));
      case "assert_return" -> new Command.AssertReturn(line, action(node), expected(node));
      case "assert_trap" -> new Command.AssertTrap(line, action(node), required(node, "text"));
      case "assert_exhaustion" ->
          new Command.AssertExhaustion(line, action(node), required(node, "text"));
      case "assert_invalid" ->
          new Command.AssertInvalid(line, moduleFile(node), required(node, "text"));
      case "assert_malformed" ->
          new Command.AssertMalformed(line, moduleFile(node), required(node, "text"));
      case "assert_unlinkable" ->
          new Command.AssertUnlinkable(line, moduleFile(node), required(node, "text"));
      case "assert_uninstantiable" ->
          new Command.AssertUninstantiable(line, moduleFile(node), required(node, "text"));
      default -> throw new IllegalArgumentException("unknown command type \"" + type + "\"");
    };
  }

  private static ModuleFile moduleFile(JsonNode node) {
    // Plain module commands carry no module_type: wast2json has already encoded them as binaries.
    String moduleType = node.path("module_type").asText("binary");
    if (!moduleType.equals("binary") && !moduleType.equals("text")) {
      throw new IllegalArgumentException("unknown module_type \"" + moduleType + "\"");
    }
    return new ModuleFile(required(node, "filename"), moduleType.equals("text"));
  }

  private static Action action(JsonNode command) {
    JsonNode node = command.get("action");
    if (node == null) {
      throw new IllegalArgumentException("missing \"action\"");
    }
    String type = node.path("type").asText();
    Action.Kind kind =
        switch (type) {
          case "invoke" -> Action.Kind.INVOKE;
          case "get" -> Action.Kind.GET;
          default -> throw new IllegalArgumentException("unknown action type \"" + type + "\"");
        };
    List<WasmValue> args = new ArrayList<>();
    for (JsonNode arg : node.path("args")) {
      args.add(ValueCodec.argument(arg));
    }
    return new Action(kind, optional(node, "module"), required(node, "field"), List.copyOf(args));
  }

  private static List<Expected> expected(JsonNode command) {
    List<Expected> expected = new ArrayList<>();
    for (JsonNode value : command.path("expected")) {
      expected.add(ValueCodec.expected(value));
    }
    return List.copyOf(expected);
  }

  private static String optional(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static String required(JsonNode node, String field) {
    String value = optional(node, field);
    if (value == null) {
      throw new IllegalArgumentException("missing \"" + field + "\"");
    }
    return value;
  }
}
