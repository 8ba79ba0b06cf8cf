package dev.flarec.hostabi.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.LogManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flare server's log manager reads a logging configuration only when the user names one; the
 * JDK's manager reads its own {@code conf/logging.properties} otherwise. Each test uses a manager
 * of its own, not the process's.
 */
class ShutdownAwareLogManagerTest {
  @TempDir Path dir;

  private String configFile;
  private String configClass;

  @BeforeEach
  void nameNoConfiguration() {
    configFile = System.clearProperty(ShutdownAwareLogManager.CONFIG_FILE);
    configClass = System.clearProperty(ShutdownAwareLogManager.CONFIG_CLASS);
  }

  @AfterEach
  void restoreTheProperties() {
    restore(ShutdownAwareLogManager.CONFIG_FILE, configFile);
    restore(ShutdownAwareLogManager.CONFIG_CLASS, configClass);
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }

  @Test
  void withNoConfigurationNamedTheJdksFileIsNotRead() throws Exception {
    LogManager jdks = new LogManager() {};
    jdks.readConfiguration();
    assertNotNull(jdks.getProperty("handlers"), "the JDK's manager sets up a console handler");

    LogManager flarecs = new ShutdownAwareLogManager();
    flarecs.readConfiguration();
    assertNull(flarecs.getProperty("handlers"));
    assertNull(flarecs.getProperty(".level"));
  }

  @Test
  void aConfigurationFileTheUserNamesIsRead() throws Exception {
    Path file = Files.writeString(dir.resolve("logging.properties"), "dev.flarec.level = FINE\n");
    System.setProperty(ShutdownAwareLogManager.CONFIG_FILE, file.toString());

    LogManager flarecs = new ShutdownAwareLogManager();
    flarecs.readConfiguration();
    assertEquals("FINE", flarecs.getProperty("dev.flarec.level"));
  }
}
