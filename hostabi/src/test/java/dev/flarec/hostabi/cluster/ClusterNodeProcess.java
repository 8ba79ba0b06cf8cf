package dev.flarec.hostabi.cluster;

import dev.flarec.compiler.Flarec;
import dev.flarec.hostabi.abi.HostServices;
import dev.flarec.hostabi.config.ClusterConfig;
import dev.flarec.hostabi.config.ConfigLoader;
import dev.flarec.hostabi.config.ServerConfig;
import dev.flarec.hostabi.server.FlareServer;
import dev.flarec.runtime.instance.Module;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * One cluster node in a process of its own, for {@link ClusterProcessTest}: serves a flare over
 * HTTP as a flare JAR does (the same {@link HostServices#create} wiring as {@code FlareMain}),
 * prints {@code port N}, then answers lines on standard input: {@code state SITE KEY} prints {@code
 * counter V members N}; end of input stops it.
 *
 * <p>Arguments: the flare's .wasm, the data directory, the node id, the cluster bind address, the
 * seeds.
 */
public final class ClusterNodeProcess {
  private ClusterNodeProcess() {}

  public static void main(String[] args) throws Exception {
    Module module = Flarec.compile(Path.of(args[0])).load();
    ServerConfig config =
        new ConfigLoader(name -> null)
            .load(
                "[flare]\nname = \"plasma-counter\"\nwrites_plasma_kv = true\n[log]\naccess = \"off\"\n",
                "node.toml",
                "plasma-counter",
                null)
            .withPort(0)
            .withDataDirectory(Path.of(args[1]))
            .withNodeId(args[2]);
    ClusterConfig cluster =
        new ClusterConfig(
            ClusterConfig.Address.parse(args[3]), ClusterConfig.Address.parseList(args[4]));
    HostServices services = HostServices.create(config, module.descriptor(), cluster);
    FlareServer server = FlareServer.start(module, config, services);
    System.out.println("port " + server.port());
    System.out.flush();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      String[] words = line.split(" ");
      if (words[0].equals("state")) {
        System.out.println(
            "counter "
                + services.plasma().counter(words[1], words[2])
                + " members "
                + services.cluster().members().size());
        System.out.flush();
      }
    }
    server.stop();
    services.close();
    System.exit(0);
  }
}
