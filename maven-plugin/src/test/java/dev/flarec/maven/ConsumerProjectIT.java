package dev.flarec.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Builds a small consumer project that uses the plugin, with Maven, offline: the flarec artifacts
 * of this build are staged in a private local repository under {@code target/it}, and everything
 * else (Maven's own plugins, the compiler's dependencies) is read from the build's local repository
 * through a {@code file:} mirror, so that nothing is installed into the shared one.
 */
class ConsumerProjectIT {
  private static final String VERSION = System.getProperty("flarec.it.projectVersion");
  private static final Path ROOT =
      Path.of(System.getProperty("flarec.it.rootDirectory")).normalize();
  private static final Path WORK = Path.of(System.getProperty("flarec.it.workDirectory"));
  private static final Path SHARED_REPOSITORY =
      Path.of(System.getProperty("flarec.it.localRepository"));
  private static final Path REPOSITORY = WORK.resolve("repository");

  private static final String ADD_WAT =
      """
      (module
        (import "env" "log" (func $log (param i32)))
        (func (export "add") (param i32 i32) (result i32)
          (local $sum i32)
          (local.set $sum (i32.add (local.get 0) (local.get 1)))
          (call $log (local.get $sum))
          (local.get $sum))
        (func (export "div-rem") (param i64 i64) (result i64 i64)
          (i64.div_u (local.get 0) (local.get 1))
          (i64.rem_u (local.get 0) (local.get 1))))
      """;

  /** The consumer's code: typed calls, no strings, casts or boxing. */
  private static final String APP =
      """
      package com.example;

      public class App {
        public static void main(String[] args) {
          Add.Imports imports = Add.Imports.builder().envLog(v -> System.out.println("log: " + v)).build();
          Add add = Add.instantiate(imports);
          int sum = add.add(2, 3);
          Add.DivRemResult qr = add.divRem(17L, 5L);
          System.out.println(sum + " " + qr.result0() + " " + qr.result1());
        }
      }
      """;

  @BeforeAll
  static void stageFlarecArtifacts() throws IOException {
    stage("flarec-parent", ROOT.resolve("pom.xml"), null);
    for (String module : List.of("runtime", "wasi", "compiler", "maven-plugin")) {
      String artifactId = "flarec-" + module;
      Path target = ROOT.resolve(module).resolve("target");
      stage(
          artifactId,
          ROOT.resolve(module).resolve("pom.xml"),
          target.resolve(artifactId + "-" + VERSION + ".jar"));
    }
    Files.writeString(
        WORK.resolve("settings.xml"),
        """
        <settings>
          <localRepository>%s</localRepository>
          <offline>true</offline>
          <mirrors>
            <mirror>
              <id>build-local-repository</id>
              <mirrorOf>*</mirrorOf>
              <url>%s</url>
            </mirror>
          </mirrors>
        </settings>
        """
            .formatted(REPOSITORY, SHARED_REPOSITORY.toUri()));
  }

  private static void stage(String artifactId, Path pom, Path jar) throws IOException {
    Path dir =
        Files.createDirectories(
            REPOSITORY.resolve("dev/flarec").resolve(artifactId).resolve(VERSION));
    Files.copy(
        pom, dir.resolve(artifactId + "-" + VERSION + ".pom"), StandardCopyOption.REPLACE_EXISTING);
    if (jar != null) {
      assertTrue(Files.isRegularFile(jar), jar + " missing: run the build to package first");
      Files.copy(
          jar,
          dir.resolve(artifactId + "-" + VERSION + ".jar"),
          StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static Path consumer(String name, String wat) throws IOException {
    Path project = WORK.resolve(name);
    Files.createDirectories(project.resolve("src/main/wasm"));
    Files.createDirectories(project.resolve("src/main/java/com/example"));
    Files.writeString(project.resolve("pom.xml"), consumerPom());
    Files.writeString(project.resolve("src/main/wasm/add.wat"), wat);
    Files.writeString(project.resolve("src/main/java/com/example/App.java"), APP);
    return project;
  }

  /** The README's snippet, with the versions of Maven's plugins this build already has. */
  private static String consumerPom() throws IOException {
    String parent = Files.readString(ROOT.resolve("pom.xml"));
    return """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>com.example</groupId>
          <artifactId>consumer</artifactId>
          <version>1.0</version>
          <properties>
            <maven.compiler.release>17</maven.compiler.release>
            <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
          </properties>
          <dependencies>
            <dependency>
              <groupId>dev.flarec</groupId>
              <artifactId>flarec-runtime</artifactId>
              <version>%1$s</version>
            </dependency>
          </dependencies>
          <build>
            <plugins>
              <plugin>
                <groupId>dev.flarec</groupId>
                <artifactId>flarec-maven-plugin</artifactId>
                <version>%1$s</version>
                <executions>
                  <execution>
                    <goals><goal>compile</goal></goals>
                  </execution>
                </executions>
                <configuration>
                  <packageName>com.example</packageName>
                </configuration>
              </plugin>
              <plugin><artifactId>maven-resources-plugin</artifactId><version>%2$s</version></plugin>
              <plugin><artifactId>maven-compiler-plugin</artifactId><version>%3$s</version></plugin>
            </plugins>
          </build>
        </project>
        """
        .formatted(
            VERSION,
            property(parent, "resources-plugin.version"),
            property(parent, "compiler-plugin.version"));
  }

  private static String property(String pom, String name) {
    int start = pom.indexOf("<" + name + ">") + name.length() + 2;
    return pom.substring(start, pom.indexOf("</" + name + ">", start));
  }

  private record Result(int status, String output) {}

  private static Result run(Path directory, List<String> command)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile(WORK, "run", ".log");
    Process process =
        new ProcessBuilder(command)
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not finish");
    }
    return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  private static Result mvn(Path project, String... goals)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                System.getProperty("os.name").startsWith("Windows") ? "mvn.cmd" : "mvn",
                "-B",
                "-o",
                "-s",
                WORK.resolve("settings.xml").toString(),
                // offline, but the mirror is a directory of this machine
                "-Daether.offline.protocols=file"));
    command.addAll(List.of(goals));
    return run(project, command);
  }

  @Test
  void aConsumerCallsItsModuleThroughTheBindingsWithOnlyTheRuntime() throws Exception {
    Path project = consumer("consumer", ADD_WAT);
    Result build = mvn(project, "compile");
    assertEquals(0, build.status(), build.output());
    assertTrue(
        build.output().contains("flarec: compiled add.wat to com.example.AddModule"),
        build.output());
    Path classes = project.resolve("target/classes");
    assertTrue(
        Files.isRegularFile(
            project.resolve("target/generated-sources/flarec/com/example/Add.java")));

    // run it with the runtime alone beside the project's classes
    Path runtime =
        REPOSITORY.resolve(
            "dev/flarec/flarec-runtime/" + VERSION + "/flarec-runtime-" + VERSION + ".jar");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Result app =
        run(
            project,
            List.of(
                java,
                "-cp",
                classes + System.getProperty("path.separator") + runtime,
                "com.example.App"));
    assertEquals(0, app.status(), app.output());
    assertEquals("log: 5\n5 3 2\n", app.output().replace("\r\n", "\n"));

    // unchanged: not compiled again
    Path moduleClass = classes.resolve("com/example/AddModule.class");
    FileTime compiledAt = Files.getLastModifiedTime(moduleClass);
    Result again = mvn(project, "compile");
    assertEquals(0, again.status(), again.output());
    assertTrue(again.output().contains("flarec: add.wat is up to date"), again.output());
    assertEquals(compiledAt, Files.getLastModifiedTime(moduleClass));

    // changed: compiled again
    Files.writeString(
        project.resolve("src/main/wasm/add.wat"), ADD_WAT.replace("i64.rem_u", "i64.rem_s"));
    Result changed = mvn(project, "compile");
    assertEquals(0, changed.status(), changed.output());
    assertTrue(changed.output().contains("flarec: compiled add.wat"), changed.output());
    assertNotEquals(
        "", Files.readString(project.resolve("target/flarec-maven-plugin/com.example.Add.stamp")));
  }

  @Test
  void aBadModuleFailsTheBuildWithTheCommandLinesMessage() throws Exception {
    Path project = consumer("bad-consumer", "(module\n  (func\n    (i32.cnst 1)))\n");
    Result build = mvn(project, "compile");
    assertEquals(1, build.status(), build.output());
    String expected =
        project.resolve("src/main/wasm/add.wat") + ": malformed text format, line 3, column 6: ";
    assertTrue(build.output().contains(expected), build.output());
  }
}
