package dev.flarec.testsuite;

import java.util.List;

/**
 * A spec test script: its commands, in order.
 *
 * @param name the script's path below the spec folder without {@code .bin.wast}, e.g. {@code i32}
 *     or {@code exceptions/throw}
 * @param commands the commands in script order
 */
public record Script(String name, List<Command> commands) {}
